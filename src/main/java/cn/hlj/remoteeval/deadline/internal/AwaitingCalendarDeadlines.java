package cn.hlj.remoteeval.deadline.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.deadline.CalendarYearNotLoaded;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.WorkingDayCalendar;

/** Schedules the deadlines that waited for a calendar year once that year is loaded. */
@Component
class AwaitingCalendarDeadlines {

    private static final Logger log = LoggerFactory.getLogger(AwaitingCalendarDeadlines.class);
    private static final int BATCH = 10_000;

    private final DeadlineStore store;
    private final DeadlineTriggers triggers;
    private final DeadlineTerms terms;
    private final WorkingDayCalendar calendar;
    private final DeadlineEngine engine;

    AwaitingCalendarDeadlines(DeadlineStore store, DeadlineTriggers triggers, DeadlineTerms terms,
            WorkingDayCalendar calendar, DeadlineEngine engine) {
        this.store = store;
        this.triggers = triggers;
        this.terms = terms;
        this.calendar = calendar;
        this.engine = engine;
    }

    /** Joins the caller's transaction (the upload's), so the new year and the schedules commit together. */
    @Transactional
    public int scheduleComputable() {
        int scheduled = 0;
        for (DeadlineRecord candidate : store.inState(DeadlineState.AWAITING_CALENDAR, BATCH)) {
            DeadlineRecord deadline = store.lock(candidate.id()).orElse(null);
            if (deadline == null || deadline.state() != DeadlineState.AWAITING_CALENDAR) {
                continue;
            }
            DeadlineDates dates;
            try {
                dates = DeadlineDates.compute(terms, calendar, deadline.kind(), deadline.startDay());
            } catch (CalendarYearNotLoaded e) {
                if (deadline.missingYear() == null || deadline.missingYear() != e.year()) {
                    store.stillAwaiting(deadline.id(), e.year());
                }
                continue;
            }
            store.schedule(deadline.id(), dates);
            DeadlineRecord now = store.find(deadline.id()).orElseThrow();
            triggers.schedule(now);
            engine.calendarArrived(deadline.id(), java.util.Date.from(dates.dueAt()));
            log.info("Deadline {} scheduled now that its calendar is loaded, due {}", deadline.id(), dates.dueAt());
            scheduled++;
        }
        return scheduled;
    }
}
