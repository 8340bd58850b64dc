package cn.hlj.remoteeval.tender;

import java.time.Instant;

/**
 * A cross-province tender's experts were drawn through the national dispatch system (policy 十): the
 * provincial center recorded that system's reference, who recorded it and when.
 */
public record NationalExpertDrawRecorded(String tenderId, String reference, String recordedBy, Instant recordedAt) {
}
