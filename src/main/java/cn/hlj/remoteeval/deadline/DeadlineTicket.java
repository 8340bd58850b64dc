package cn.hlj.remoteeval.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

/**
 * A deadline as opened: its id (an opaque UUID string, safe as a process variable) and, unless it
 * awaits the calendar, when it is due and when it reminds.
 *
 * @param dueDate the last day of the term; null while awaiting the calendar
 * @param dueAt the end of {@code dueDate} in the province (the breach fires then); null while awaiting the calendar
 * @param remindAt when the reminder fires; null while awaiting the calendar
 * @param missingYear the year whose schedule is missing; null unless awaiting the calendar
 */
public record DeadlineTicket(String id, DeadlineKind kind, DeadlineState state, LocalDate dueDate, Instant dueAt,
        Instant remindAt, Integer missingYear) {

    public boolean awaitingCalendar() {
        return state == DeadlineState.AWAITING_CALENDAR;
    }

    /** {@code dueAt} as a {@link Date}, the type a BPMN user task's due date takes; null while awaiting the calendar. */
    public Date dueAtAsDate() {
        return dueAt == null ? null : Date.from(dueAt);
    }
}
