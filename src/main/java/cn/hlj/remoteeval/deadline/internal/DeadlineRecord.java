package cn.hlj.remoteeval.deadline.internal;

import java.time.Instant;
import java.time.LocalDate;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;

/** A row of the deadline table. */
record DeadlineRecord(String id, DeadlineKind kind, String tenderId, String subjectRef, LocalDate startDay,
        LocalDate dueDate, Instant dueAt, Instant remindAt, DeadlineState state, Integer missingYear,
        Instant createdAt, long version) {

    DeadlineTicket ticket() {
        return new DeadlineTicket(id, kind, state, dueDate, dueAt, remindAt, missingYear);
    }

    boolean open() {
        return state == DeadlineState.SCHEDULED || state == DeadlineState.REMINDED;
    }
}
