package cn.hlj.remoteeval.tender;

import java.time.Instant;

/** The bidders of a tender section became known at bid opening; experts drawn before must be checked against them. */
public record BiddersRecorded(String tenderId, int bidderCount, String recordedBy, Instant recordedAt) {
}
