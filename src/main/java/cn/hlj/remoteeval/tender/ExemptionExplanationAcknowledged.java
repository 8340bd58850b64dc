package cn.hlj.remoteeval.tender;

import java.time.Instant;

/** The main venue's supervisor confirmed receipt of the tenderer's written explanation. */
public record ExemptionExplanationAcknowledged(String tenderId, String acknowledgedBy, Instant acknowledgedAt) {
}
