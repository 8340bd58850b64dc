package cn.hlj.remoteeval.tender;

import java.time.Instant;

/** A tender section was withdrawn before its evaluation: whatever it booked is freed. */
public record TenderWithdrawn(String tenderId, String reason, String withdrawnBy, Instant withdrawnAt) {
}
