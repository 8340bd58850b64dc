package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import cn.hlj.remoteeval.deadline.CalendarYearNotLoaded;

/** Working-day arithmetic on the real schedule file shipped in config/calendar. */
class OfficialCalendarUnitTest {

    static CalendarSnapshot calendar;

    @BeforeAll
    static void loadTheRealFile() throws IOException {
        Map<Integer, List<ScheduleDay>> years = CalendarFileLoader
                .read(new FileSystemResource("config/calendar/cn-official-holidays.csv"));
        assertThat(years).containsOnlyKeys(2025, 2026);
        calendar = new CalendarSnapshot(years.keySet(), years.values().stream().flatMap(List::stream).toList());
    }

    @Test
    void springFestival2026_anEvaluationEndingOnTheTwelfthIsDueOnTheTwentySixth() {
        // 13 Fri (1), 14 Sat worked (2), 15..23 off, 24 Tue (3), 25 (4), 26 (5).
        assertThat(LocalDate.of(2026, 2, 12).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 2)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 3)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
    }

    @Test
    void nationalDay2026_withTheTwentiethOfSeptemberAndTheTenthOfOctoberWorked() {
        assertThat(LocalDate.of(2026, 9, 20).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(LocalDate.of(2026, 10, 10).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        // Friday 18th: Saturday 19th off, Sunday 20th worked.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        // 1..7 October off, then Thursday 8th, Friday 9th, Saturday 10th worked.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 2)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        // Mid-autumn 25..27 September off.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
    }

    @Test
    void anOrdinaryWeek_fridayPlusOneIsMonday() {
        assertThat(LocalDate.of(2026, 3, 13).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 13), 1)).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 9), 5)).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 14))).isFalse();
    }

    @Test
    void theStartDayItselfIsNotCountedEvenWhenItIsAWorkingDay() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 10), 1)).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 3, 10), 0)).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void aYearNotLoadedIsNeverGuessed() {
        // 29, 30, 31 December are working days; the 4th and 5th would be in 2027.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 3)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 5))
                .isInstanceOfSatisfying(CalendarYearNotLoaded.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2024, 12, 31)))
                .isInstanceOfSatisfying(CalendarYearNotLoaded.class, e -> assertThat(e.year()).isEqualTo(2024));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 3, 10), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
