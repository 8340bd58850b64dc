package cn.hlj.remoteeval.venue.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.hlj.remoteeval.web.FieldViolation;

/** Date fields and date ranges of the venue API, with the problems collected rather than thrown. */
final class RequestDates {

    /** A year and a day: longer ranges are a mistake or a scan, not a question about the directory. */
    static final int MAX_RANGE_DAYS = 366;

    private RequestDates() {
    }

    /** A required date; null (and a violation) when absent or malformed. */
    static LocalDate required(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "不能为空"));
            return null;
        }
        return parse(field, value, violations);
    }

    /** An optional date; {@code fallback} when absent. */
    static LocalDate optional(String field, String value, LocalDate fallback, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return parse(field, value, violations);
    }

    /** Adds a violation on {@code toField} when the range is reversed or too long. */
    static void range(String toField, LocalDate from, LocalDate to, List<FieldViolation> violations) {
        if (from == null || to == null) {
            return;
        }
        if (to.isBefore(from)) {
            violations.add(new FieldViolation(toField, "结束日期不能早于开始日期"));
        } else if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            violations.add(new FieldViolation(toField, "日期范围不能超过 " + MAX_RANGE_DAYS + " 天"));
        }
    }

    private static LocalDate parse(String field, String value, List<FieldViolation> violations) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "日期格式应为 YYYY-MM-DD"));
            return null;
        }
    }
}
