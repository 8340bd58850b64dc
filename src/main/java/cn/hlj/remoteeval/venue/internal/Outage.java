package cn.hlj.remoteeval.venue.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A workstation out of service from {@code from} to {@code to}, both days included. */
record Outage(long id, long workstationId, LocalDate from, LocalDate to, String reason, String recordedBy,
        Instant recordedAt) {

    boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
