package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import cn.hlj.remoteeval.RemoteEvalApplication;

/**
 * Reads submitted Camunda Form values, which arrive as strings, numbers, booleans or dates
 * depending on the field and on whether Tasklist or the REST API sent them.
 */
final class FormValues {

    static final ZoneId PROVINCE = ZoneId.of(RemoteEvalApplication.ZONE);

    private FormValues() {
    }

    /** A datetime field; without an offset it is a time in the province. */
    static Instant instant(Object value, String label) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw new InvalidForm("请填写" + label);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDateTime.parse(text).atZone(PROVINCE).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidForm(label + "格式有误，应为日期和时间（如 2026-02-13T10:30）");
                }
            }
        }
    }

    static LocalDate date(Object value, String label) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(PROVINCE).toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw new InvalidForm("请填写" + label);
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidForm(label + "格式有误，应为日期（如 2026-02-13）");
        }
    }

    static int count(Object value, String label) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (d != Math.rint(d) || d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
                throw new InvalidForm(label + "应为整数");
            }
            return (int) d;
        }
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw new InvalidForm("请填写" + label);
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidForm(label + "应为整数");
        }
    }

    static boolean checked(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().strip());
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
