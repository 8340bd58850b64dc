package cn.hlj.remoteeval.deadline;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * The official working-day calendar of the State Council's annual holiday notices: weekends off,
 * listed holidays off, listed adjusted weekends (调休) worked. Only loaded years are answered.
 */
public interface WorkingDayCalendar {

    /**
     * The day that is {@code workingDays} working days after {@code from}, {@code from} itself not counted.
     *
     * @throws CalendarYearNotLoaded when the count passes through a year whose schedule is not loaded
     */
    LocalDate addWorkingDays(LocalDate from, int workingDays);

    /** @throws CalendarYearNotLoaded when the day's year is not loaded */
    boolean isWorkingDay(LocalDate day);

    SortedSet<Integer> loadedYears();
}
