package cn.hlj.remoteeval.crossprovince.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.hlj.remoteeval.web.FieldViolation;

/**
 * Reads one request field, adding what is wrong with it to a list instead of failing at once.
 * Every message names the field in Chinese, so that the person who filled the form knows which one.
 */
public final class Fields {

    private Fields() {
    }

    public static String text(String field, String label, String value, int maxLength,
            List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, label + "不能为空"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            violations.add(new FieldViolation(field, label + "长度不能超过 " + maxLength + " 个字符"));
            return null;
        }
        return stripped;
    }

    /** A partner province: named, and not this province. */
    public static String partnerProvince(String field, String label, String value, List<FieldViolation> violations) {
        String province = text(field, label, value, 32, violations);
        if (province != null && Provinces.isHome(province)) {
            violations.add(new FieldViolation(field, label + "不能是本省（" + Provinces.HOME + "）"));
            return null;
        }
        return province;
    }

    public static Integer atLeast(String field, String label, Integer value, int min, List<FieldViolation> violations) {
        if (value == null) {
            violations.add(new FieldViolation(field, label + "不能为空"));
            return null;
        }
        if (value < min) {
            violations.add(new FieldViolation(field, label + "不能小于 " + min));
            return null;
        }
        return value;
    }

    public static LocalDate date(String field, String label, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, label + "不能为空"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, label + "格式应为 YYYY-MM-DD"));
            return null;
        }
    }

    public static <E extends Enum<E>> E enumValue(String field, String label, String value, Class<E> type,
            List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, label + "不能为空"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            violations.add(new FieldViolation(field, label + "取值应为 " + String.join("、", allowed) + " 之一"));
            return null;
        }
    }
}
