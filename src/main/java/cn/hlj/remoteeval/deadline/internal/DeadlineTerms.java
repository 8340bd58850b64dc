package cn.hlj.remoteeval.deadline.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.deadline.DeadlineKind;

/**
 * The checked terms of every deadline kind. A kind missing from the configuration takes the
 * policy's default; a value that cannot be a term (not positive, both or neither of working-days
 * and calendar-days, a reminder outside the term, a malformed time) stops the start.
 */
final class DeadlineTerms {

    static final ZoneId ZONE = ZoneId.of(RemoteEvalApplication.ZONE);

    /** The kinds whose term is a day of the month after the start day's month rather than a count of days. */
    static final DeadlineKind MONTHLY = DeadlineKind.MONTHLY_REPORT;

    private final Map<DeadlineKind, Term> terms;
    private final MonthlyTerm monthlyReport;
    private final LocalTime reminderTime;

    DeadlineTerms(Map<DeadlineKind, Term> terms, LocalTime reminderTime) {
        this(terms, defaultMonthlyReport(), reminderTime);
    }

    DeadlineTerms(Map<DeadlineKind, Term> terms, MonthlyTerm monthlyReport, LocalTime reminderTime) {
        this.terms = Map.copyOf(terms);
        this.monthlyReport = monthlyReport;
        this.reminderTime = reminderTime;
    }

    /** 月调度机制: before the 5th, the 5th included, the reminder on the 3rd. */
    static MonthlyTerm defaultMonthlyReport() {
        return new MonthlyTerm(5, true, 3);
    }

    static Map<DeadlineKind, Term> defaults() {
        Map<DeadlineKind, Term> defaults = new EnumMap<>(DeadlineKind.class);
        defaults.put(DeadlineKind.AV_HANDOVER_TO_MAIN, Term.working(5, 3));
        defaults.put(DeadlineKind.AV_HANDOVER_TO_TENDERER, Term.working(5, 3));
        defaults.put(DeadlineKind.CLUE_TO_MAIN, Term.working(1, 1));
        defaults.put(DeadlineKind.CLUE_TRANSFER, Term.working(1, 1));
        defaults.put(DeadlineKind.EXEMPTION_EXPLANATION, Term.calendar(15, 12));
        return defaults;
    }

    static DeadlineTerms of(DeadlineProperties properties) {
        String prefix = "remote-eval.deadline.";
        LocalTime time;
        try {
            time = LocalTime.parse(properties.getReminderTime() == null ? "" : properties.getReminderTime().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(prefix + "reminder-time must be a time of day like 09:00, not '"
                    + properties.getReminderTime() + "'");
        }
        Map<DeadlineKind, Term> terms = defaults();
        MonthlyTerm monthly = defaultMonthlyReport();
        for (Map.Entry<DeadlineKind, DeadlineProperties.TermProperties> entry : properties.getTerms().entrySet()) {
            String key = prefix + "terms." + entry.getKey().name();
            DeadlineProperties.TermProperties value = entry.getValue();
            if (value == null) {
                continue;
            }
            if (entry.getKey() == MONTHLY) {
                monthly = monthlyTerm(key, value);
                continue;
            }
            if (value.getDayOfNextMonth() != null || value.getIncludeDueDay() != null) {
                throw new IllegalStateException(key + ": day-of-next-month and include-due-day belong to "
                        + MONTHLY.name() + " only");
            }
            boolean working = value.getWorkingDays() != null;
            boolean calendar = value.getCalendarDays() != null;
            if (working == calendar) {
                throw new IllegalStateException(key + ": give exactly one of working-days and calendar-days");
            }
            int days = working ? value.getWorkingDays() : value.getCalendarDays();
            if (days <= 0) {
                throw new IllegalStateException(key + ": the term must be positive, not " + days);
            }
            if (value.getReminderDay() == null) {
                throw new IllegalStateException(key + ".reminder-day is missing");
            }
            int reminder = value.getReminderDay();
            if (reminder < 1 || reminder > days) {
                throw new IllegalStateException(key + ".reminder-day must lie within the term (1.." + days + "), not "
                        + reminder);
            }
            terms.put(entry.getKey(), new Term(days, working, reminder));
        }
        return new DeadlineTerms(terms, monthly, time);
    }

    private static MonthlyTerm monthlyTerm(String key, DeadlineProperties.TermProperties value) {
        if (value.getWorkingDays() != null || value.getCalendarDays() != null) {
            throw new IllegalStateException(key + ": the term is a day of the next month (day-of-next-month), "
                    + "not working-days or calendar-days");
        }
        if (value.getDayOfNextMonth() == null) {
            throw new IllegalStateException(key + ".day-of-next-month is missing");
        }
        if (value.getReminderDay() == null) {
            throw new IllegalStateException(key + ".reminder-day is missing");
        }
        boolean include = value.getIncludeDueDay() == null || value.getIncludeDueDay();
        int day = value.getDayOfNextMonth();
        int lastDay = include ? day : day - 1;
        if (day < 1 || day > MonthlyTerm.LATEST_DAY || lastDay < 1) {
            throw new IllegalStateException(key + ".day-of-next-month must lie within 1.." + MonthlyTerm.LATEST_DAY
                    + (include ? "" : " and be at least 2 when include-due-day is false") + ", not " + day);
        }
        int reminder = value.getReminderDay();
        if (reminder < 1 || reminder > lastDay) {
            throw new IllegalStateException(key + ".reminder-day must lie within the term (1.." + lastDay + "), not "
                    + reminder);
        }
        return new MonthlyTerm(day, include, reminder);
    }

    /** The term of a kind counted in days; null for {@link #MONTHLY}, see {@link #monthlyReport()}. */
    Term termOf(DeadlineKind kind) {
        return terms.get(kind);
    }

    MonthlyTerm monthlyReport() {
        return monthlyReport;
    }

    LocalTime reminderTime() {
        return reminderTime;
    }
}
