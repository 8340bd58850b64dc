package cn.hlj.remoteeval.deadline.internal;

import java.time.Instant;
import java.time.LocalDate;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.WorkingDayCalendar;

/**
 * When a deadline reminds and is breached. "Within n working days after D": D itself not counted,
 * due at the end of the n-th working day, i.e. the next midnight in the province.
 */
record DeadlineDates(LocalDate dueDate, Instant dueAt, Instant remindAt) {

    /** @throws cn.hlj.remoteeval.deadline.CalendarYearNotLoaded when a working-day term reaches a year not loaded */
    static DeadlineDates compute(DeadlineTerms terms, WorkingDayCalendar calendar, DeadlineKind kind, LocalDate startDay) {
        Term term = terms.termOf(kind);
        LocalDate dueDate;
        LocalDate reminderDate;
        if (term.workingDays()) {
            reminderDate = calendar.addWorkingDays(startDay, term.reminderDay());
            dueDate = calendar.addWorkingDays(startDay, term.days());
        } else {
            reminderDate = startDay.plusDays(term.reminderDay());
            dueDate = startDay.plusDays(term.days());
        }
        Instant dueAt = dueDate.plusDays(1).atStartOfDay(DeadlineTerms.ZONE).toInstant();
        Instant remindAt = reminderDate.atTime(terms.reminderTime()).atZone(DeadlineTerms.ZONE).toInstant();
        return new DeadlineDates(dueDate, dueAt, remindAt);
    }
}
