package cn.hlj.remoteeval.deadline.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.WorkingDayCalendar;

/**
 * When a deadline reminds and is breached. "Within n working days after D": D itself not counted,
 * due at the end of the n-th working day, i.e. the next midnight in the province. The monthly report
 * instead is due on a day of the month after its start day's month ({@link MonthlyTerm}).
 */
record DeadlineDates(LocalDate dueDate, Instant dueAt, Instant remindAt) {

    /** @throws cn.hlj.remoteeval.deadline.CalendarYearNotLoaded when a working-day term reaches a year not loaded */
    static DeadlineDates compute(DeadlineTerms terms, WorkingDayCalendar calendar, DeadlineKind kind, LocalDate startDay) {
        LocalDate dueDate;
        LocalDate reminderDate;
        if (kind == DeadlineTerms.MONTHLY) {
            MonthlyTerm term = terms.monthlyReport();
            YearMonth next = YearMonth.from(startDay).plusMonths(1);
            reminderDate = next.atDay(term.reminderDay());
            dueDate = next.atDay(term.lastDay());
            return of(terms, dueDate, reminderDate);
        }
        Term term = terms.termOf(kind);
        if (term.workingDays()) {
            reminderDate = calendar.addWorkingDays(startDay, term.reminderDay());
            dueDate = calendar.addWorkingDays(startDay, term.days());
        } else {
            reminderDate = startDay.plusDays(term.reminderDay());
            dueDate = startDay.plusDays(term.days());
        }
        return of(terms, dueDate, reminderDate);
    }

    private static DeadlineDates of(DeadlineTerms terms, LocalDate dueDate, LocalDate reminderDate) {
        Instant dueAt = dueDate.plusDays(1).atStartOfDay(DeadlineTerms.ZONE).toInstant();
        Instant remindAt = reminderDate.atTime(terms.reminderTime()).atZone(DeadlineTerms.ZONE).toInstant();
        return new DeadlineDates(dueDate, dueAt, remindAt);
    }
}
