package cn.hlj.remoteeval.deadline.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import cn.hlj.remoteeval.deadline.CalendarYearNotLoaded;

/**
 * The loaded years of the official calendar at one moment, immutable: Monday to Friday worked,
 * Saturday and Sunday off, except the days a loaded schedule lists.
 */
final class CalendarSnapshot {

    private final SortedSet<Integer> years;
    private final Map<LocalDate, DayKind> exceptions;

    CalendarSnapshot(Collection<Integer> years, Collection<ScheduleDay> days) {
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(years));
        Map<LocalDate, DayKind> map = new HashMap<>();
        for (ScheduleDay day : days) {
            map.put(day.date(), day.kind());
        }
        this.exceptions = Map.copyOf(map);
    }

    static CalendarSnapshot empty() {
        return new CalendarSnapshot(java.util.List.of(), java.util.List.of());
    }

    SortedSet<Integer> years() {
        return years;
    }

    boolean isWorkingDay(LocalDate day) {
        if (!years.contains(day.getYear())) {
            throw new CalendarYearNotLoaded(day.getYear());
        }
        DayKind listed = exceptions.get(day);
        if (listed != null) {
            return listed == DayKind.WORKDAY;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** {@code from} itself not counted; every day counted through must belong to a loaded year. */
    LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
