package cn.hlj.remoteeval.venue.internal;

import java.time.Instant;

/** A registered workstation (评标工位) of a center, as stored. */
record Workstation(long id, String centerCode, String code, String room, boolean crossProvince, String avNotes,
        String registeredBy, Instant registeredAt, Instant updatedAt, long version) {
}
