package cn.hlj.remoteeval.tender.internal;

import java.time.Instant;
import java.time.LocalDate;

/** The winning bidder of an exempt tender, and who recorded it when. */
record WinningBidder(String name, LocalDate decidedOn, String recordedBy, Instant recordedAt) {
}
