package cn.hlj.remoteeval.deadline.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.deadline.CalendarYearNotLoaded;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.deadline.WorkingDayCalendar;

@Service
class DeadlineService implements Deadlines {

    private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

    private final DeadlineStore store;
    private final DeadlineTriggers triggers;
    private final DeadlineTerms terms;
    private final WorkingDayCalendar calendar;
    private final DeadlineEngine engine;
    private final Clock clock;

    DeadlineService(DeadlineStore store, DeadlineTriggers triggers, DeadlineTerms terms, WorkingDayCalendar calendar,
            DeadlineEngine engine, Clock clock) {
        this.store = store;
        this.triggers = triggers;
        this.terms = terms;
        this.calendar = calendar;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DeadlineTicket open(DeadlineKind kind, String tenderId, String subjectRef, LocalDate startDay) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startDay, "startDay");
        if (tenderId == null || tenderId.isBlank() || tenderId.length() > 36) {
            throw new IllegalArgumentException("tenderId must be a tender id");
        }
        if (subjectRef == null || subjectRef.isBlank() || subjectRef.length() > 64) {
            throw new IllegalArgumentException("subjectRef must be an opaque reference of at most 64 characters");
        }
        String id = UUID.randomUUID().toString();
        DeadlineRecord deadline;
        try {
            DeadlineDates dates = DeadlineDates.compute(terms, calendar, kind, startDay);
            deadline = new DeadlineRecord(id, kind, tenderId, subjectRef, startDay, dates.dueDate(), dates.dueAt(),
                    dates.remindAt(), DeadlineState.SCHEDULED, null, clock.instant(), 0);
        } catch (CalendarYearNotLoaded e) {
            deadline = new DeadlineRecord(id, kind, tenderId, subjectRef, startDay, null, null, null,
                    DeadlineState.AWAITING_CALENDAR, e.year(), clock.instant(), 0);
        }
        store.insert(deadline);
        if (deadline.state() == DeadlineState.SCHEDULED) {
            triggers.schedule(deadline);
            log.info("Deadline {} opened ({}), due {}", id, kind, deadline.dueAt());
        } else {
            log.info("Deadline {} opened ({}), awaiting the calendar of {}", id, kind, deadline.missingYear());
        }
        return deadline.ticket();
    }

    @Override
    @Transactional
    public void complete(String deadlineId) {
        DeadlineRecord deadline = lock(deadlineId);
        switch (deadline.state()) {
            case SCHEDULED, REMINDED, AWAITING_CALENDAR -> {
                store.changeState(deadlineId, DeadlineState.COMPLETED, "completed_at", clock.instant());
                close(deadline);
                log.info("Deadline {} completed", deadlineId);
            }
            case BREACHED -> {
                // Stays BREACHED: the escalation happened; the late completion is recorded beside it.
                store.changeState(deadlineId, DeadlineState.BREACHED, "completed_at", clock.instant());
                log.info("Deadline {} completed after its breach", deadlineId);
            }
            case COMPLETED, CANCELLED -> {
            }
        }
    }

    @Override
    @Transactional
    public void cancel(String deadlineId) {
        DeadlineRecord deadline = lock(deadlineId);
        if (deadline.state() == DeadlineState.COMPLETED || deadline.state() == DeadlineState.CANCELLED) {
            return;
        }
        store.changeState(deadlineId, DeadlineState.CANCELLED, "completed_at", clock.instant());
        close(deadline);
        log.info("Deadline {} cancelled", deadlineId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeadlineTicket> find(String deadlineId) {
        return store.find(deadlineId).map(DeadlineRecord::ticket);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeadlineTicket> ofTender(String tenderId) {
        return store.ofTender(tenderId).stream().map(DeadlineRecord::ticket).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> tendersBreachedBetween(DeadlineKind kind, Instant from, Instant until) {
        return store.tendersBreachedBetween(kind, from, until);
    }

    private DeadlineRecord lock(String deadlineId) {
        return store.lock(deadlineId)
                .orElseThrow(() -> new IllegalArgumentException("No deadline " + deadlineId));
    }

    private void close(DeadlineRecord deadline) {
        if (deadline.open()) {
            triggers.unscheduleAll(deadline.id());
        } else if (deadline.state() == DeadlineState.AWAITING_CALENDAR) {
            engine.resolveAwaitingIncidents(deadline.id());
        }
    }
}
