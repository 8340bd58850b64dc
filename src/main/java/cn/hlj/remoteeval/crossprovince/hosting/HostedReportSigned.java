package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.Instant;

/**
 * The staff of a session hosted here for a partner province recorded the evaluation report as signed by
 * every expert seated here: the partner is told, by seat reference, through the exchange.
 */
record HostedReportSigned(String hostingId, Instant signedAt) {
}
