package cn.hlj.remoteeval.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A calendar month in the province (Asia/Shanghai), whatever the server's zone: an event belongs to
 * the month when {@code start() <= at < end()}, a date when it lies between the first and last day.
 */
public record ReportMonth(YearMonth month) {

    public static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");

    public ReportMonth {
        Objects.requireNonNull(month, "month");
    }

    public static ReportMonth of(int year, int month) {
        return new ReportMonth(YearMonth.of(year, month));
    }

    public Instant start() {
        return month.atDay(1).atStartOfDay(PROVINCE).toInstant();
    }

    /** Exclusive: the first instant of the next month. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(PROVINCE).toInstant();
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    public boolean contains(LocalDate day) {
        return YearMonth.from(day).equals(month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
