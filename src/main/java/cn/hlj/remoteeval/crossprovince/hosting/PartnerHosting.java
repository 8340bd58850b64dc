package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.Instant;

import cn.hlj.remoteeval.venue.Slot;

/** A partner province's tender hosted here: one center, one slot, cross-province seats only. */
record PartnerHosting(String id, String partnerProvince, String partnerTenderRef, String centerCode, Slot slot,
        int seats, HostingState state, String registeredBy, Instant registeredAt, String cancelledBy,
        Instant cancelledAt) {
}
