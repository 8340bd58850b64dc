package cn.hlj.remoteeval.deadline.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TabularFile;

/**
 * Validates the rows of an official schedule ({@code date,kind,name}): every problem of every row is
 * reported, so that a schedule is taken whole or not at all.
 */
final class ScheduleRows {

    static final List<String> HEADER = List.of("date", "kind", "name");

    private ScheduleRows() {
    }

    /** The outcome: the days when {@code violations} is empty. */
    record Parsed(List<ScheduleDay> days, List<FieldViolation> violations) {
    }

    /** @param year the year every date must belong to, or null (the bundled file holds several years) */
    static Parsed parse(TabularFile file, Integer year) {
        List<ScheduleDay> days = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>(file.violations());
        Set<LocalDate> seen = new HashSet<>();
        for (TabularFile.DataRow row : file.rows()) {
            String dateText = row.cell(0);
            String kindText = row.cell(1);
            String name = row.cell(2);
            LocalDate date = null;
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation(row.field("date"), "日期「" + dateText + "」格式不正确，应为 yyyy-MM-dd"));
            }
            DayKind kind = null;
            try {
                kind = DayKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation(row.field("kind"), "类型应为 HOLIDAY（放假）或 WORKDAY（调休上班）"));
            }
            if (name.isEmpty()) {
                violations.add(new FieldViolation(row.field("name"), "不能为空"));
            } else if (name.length() > 100) {
                violations.add(new FieldViolation(row.field("name"), "长度不能超过 100 个字符"));
            }
            if (date != null) {
                if (year != null && date.getYear() != year) {
                    violations.add(new FieldViolation(row.field("date"), "日期 " + date + " 不属于 " + year + " 年"));
                }
                if (!seen.add(date)) {
                    violations.add(new FieldViolation(row.field("date"), "日期 " + date + " 重复出现"));
                }
                if (kind == DayKind.WORKDAY && date.getDayOfWeek() != DayOfWeek.SATURDAY
                        && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    violations.add(new FieldViolation(row.field("kind"), "调休上班日 " + date + " 应为周六或周日"));
                }
            }
            if (date != null && kind != null && !name.isEmpty()) {
                days.add(new ScheduleDay(date, kind, name));
            }
        }
        if (file.rows().isEmpty()) {
            violations.add(new FieldViolation("file", "文件中没有数据行"));
        }
        return new Parsed(violations.isEmpty() ? List.copyOf(days) : List.of(), List.copyOf(violations));
    }
}
