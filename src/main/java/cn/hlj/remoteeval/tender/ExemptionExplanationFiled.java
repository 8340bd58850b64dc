package cn.hlj.remoteeval.tender;

import java.time.Instant;

/** The tenderer's written explanation (书面说明) for not evaluating remotely reached the supervisor. */
public record ExemptionExplanationFiled(String tenderId, String filedBy, Instant filedAt) {
}
