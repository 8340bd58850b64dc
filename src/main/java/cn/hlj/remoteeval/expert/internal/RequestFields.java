package cn.hlj.remoteeval.expert.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.hlj.remoteeval.web.FieldViolation;

/** Reads one request field, adding what is wrong with it to a list instead of failing at once. */
final class RequestFields {

    private RequestFields() {
    }

    static String text(String field, String value, int maxLength, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "不能为空"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            violations.add(new FieldViolation(field, "长度不能超过 " + maxLength + " 个字符"));
            return null;
        }
        return stripped;
    }

    static LocalDate date(String field, String value, List<FieldViolation> violations) {
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

    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "不能为空"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            violations.add(new FieldViolation(field, "取值应为 " + String.join("、", allowed) + " 之一"));
            return null;
        }
    }
}
