package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;

import cn.hlj.remoteeval.venue.Slot;

/** One invitation to one seat of a tender's committee: the expert by opaque reference, the seat's venue and specialty. */
record CommitteeSeat(String id, String tenderId, int seatNo, String center, String specialty, String expertRef,
        String expertCity, String drawId, Slot slot, SeatState state, String tendererKey, Instant invitedAt,
        Instant answerDueAt, Instant answeredAt) {

    /** Never who or where: a seat must not reach a log line by accident. */
    @Override
    public String toString() {
        return "CommitteeSeat[" + tenderId + " #" + seatNo + " " + state + "]";
    }
}
