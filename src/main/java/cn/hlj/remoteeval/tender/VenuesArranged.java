package cn.hlj.remoteeval.tender;

import java.time.Instant;

/**
 * The venues of a tender are fixed and booked; the expert draw comes next. The record id points
 * to the draw record (random or negotiated) or to the cross-province assignment.
 */
public record VenuesArranged(String tenderId, VenueArrangementMethod method, String recordId, String arrangedBy,
        Instant arrangedAt) {
}
