package cn.hlj.remoteeval.tender;

import java.time.Instant;

/** The main venue's supervisor confirmed (or refused) that sub-venues be negotiated directly (协商确定). */
public record VenueNegotiationDecided(String tenderId, boolean approved, String supervisor, Instant decidedAt) {
}
