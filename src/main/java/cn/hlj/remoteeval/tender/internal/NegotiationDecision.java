package cn.hlj.remoteeval.tender.internal;

import java.time.Instant;

/** The main venue's supervisor's answer to the negotiation fallback (协商确定副场). */
record NegotiationDecision(Boolean approved, String decidedBy, Instant decidedAt) {
}
