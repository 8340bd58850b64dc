package cn.hlj.remoteeval.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one request field, adding what is wrong with it to a list instead of failing at once, so that
 * a problem+json names every field at fault. Lengths count UTF-16 units, never more than a column holds.
 */
public final class RequestFields {

    private RequestFields() {
    }

    public static String text(String field, String value, int maxLength, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "不能为空"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            violations.add(new FieldViolation(field, "长度不能超过 " + maxLength + " 个字符"));
            return null;
        }
        return stripped;
    }

    public static boolean flag(String field, Boolean value, List<FieldViolation> violations) {
        if (value == null) {
            violations.add(new FieldViolation(field, "不能为空，应为 true 或 false"));
            return false;
        }
        return value;
    }

    public static LocalDate date(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "不能为空"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "日期格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type,
            List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "不能为空"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            violations.add(new FieldViolation(field, "取值应为 " + String.join("、", allowed) + " 之一"));
            return null;
        }
    }

    /** A date that is today or earlier (a decision or a filing that already happened). */
    public static LocalDate pastOrToday(String field, String value, LocalDate today, List<FieldViolation> violations) {
        LocalDate date = date(field, value, violations);
        if (date != null && date.isAfter(today)) {
            violations.add(new FieldViolation(field, "日期不能晚于今天"));
            return null;
        }
        return date;
    }
}
