package cn.hlj.remoteeval.tender.internal;

import java.time.Instant;

import cn.hlj.remoteeval.tender.VenueArrangementMethod;

/** How and by whom the tender's venues were fixed; the venues themselves are kept by the draw and venue modules. */
record VenueArrangement(VenueArrangementMethod method, String recordId, String arrangedBy, Instant arrangedAt) {
}
