package cn.hlj.remoteeval.tender;

import java.time.Instant;

/** The winning bidder of an exempt tender was recorded; the tenderer's written explanation is now due. */
public record WinningBidderRecorded(String tenderId, String recordedBy, Instant recordedAt) {
}
