package cn.hlj.remoteeval.tender;

import java.time.Instant;

import cn.hlj.remoteeval.venue.Slot;

/** The evaluation of a tender moved to another date or half-day: its bookings are void. */
public record EvaluationMoved(String tenderId, Slot from, Slot to, String movedBy, Instant movedAt) {
}
