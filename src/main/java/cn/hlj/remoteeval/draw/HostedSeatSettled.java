package cn.hlj.remoteeval.draw;

import java.time.Instant;

/**
 * A seat of a hosted expert draw is settled: an expert accepted it ({@code confirmed}), or no eligible expert
 * was left for it (short). Carries the seat's number only, never who.
 */
public record HostedSeatSettled(String hostingId, int seatNo, boolean confirmed, Instant settledAt) {
}
