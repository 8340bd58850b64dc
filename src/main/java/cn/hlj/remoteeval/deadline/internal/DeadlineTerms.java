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

    private final Map<DeadlineKind, Term> terms;
    private final LocalTime reminderTime;

    DeadlineTerms(Map<DeadlineKind, Term> terms, LocalTime reminderTime) {
        this.terms = Map.copyOf(terms);
        this.reminderTime = reminderTime;
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
        for (Map.Entry<DeadlineKind, DeadlineProperties.TermProperties> entry : properties.getTerms().entrySet()) {
            String key = prefix + "terms." + entry.getKey().name();
            DeadlineProperties.TermProperties value = entry.getValue();
            if (value == null) {
                continue;
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
        return new DeadlineTerms(terms, time);
    }

    Term termOf(DeadlineKind kind) {
        return terms.get(kind);
    }

    LocalTime reminderTime() {
        return reminderTime;
    }
}
