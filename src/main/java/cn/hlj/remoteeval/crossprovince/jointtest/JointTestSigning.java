package cn.hlj.remoteeval.crossprovince.jointtest;

import java.time.Duration;

import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;

/**
 * This province's signature for the probes: as of now (the exchange's own {@link EnvelopeSealing}), and
 * as of {@link #STALE_BY} ago, so that the stale scenario sends a genuinely signed message whose
 * {@code sentAt} lies outside any receiver's window of message set 1 (±10 minutes).
 */
record JointTestSigning(EnvelopeSealing now, EnvelopeSealing behind) {

    static final Duration STALE_BY = Duration.ofMinutes(30);
}
