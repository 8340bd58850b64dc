package cn.hlj.remoteeval.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.reporting.ReportMonth;

/**
 * The periods handed to tests never overlap, each claim keeps an unclaimed month on either side, and
 * the ranges stay apart: fresh evaluation dates, owned future months, owned past months, loaded
 * weeks and upload years. (The counters are JVM-wide, as in an integration run; this test only adds.)
 */
class OwnPeriodsUnitTest {

    @Test
    void claimedMonthsNeverTouchEachOtherAndKeepAnEmptyMonthOnEitherSide() {
        List<YearMonth> claimed = new ArrayList<>();
        Set<YearMonth> neighbours = new HashSet<>();
        for (int count : new int[] { 1, 2, 3, 1, 2 }) {
            ReportMonth first = OwnPeriods.months(count);
            for (int i = 0; i < count; i++) {
                claimed.add(first.month().plusMonths(i));
            }
            neighbours.add(first.month().minusMonths(1));
            neighbours.add(first.month().plusMonths(count));
        }
        assertThat(new HashSet<>(claimed)).hasSameSizeAs(claimed).doesNotContainAnyElementsOf(neighbours);
        assertThat(claimed).allSatisfy(month -> assertThat(month).isAfterOrEqualTo(OwnPeriods.OWNED_MONTHS_FROM)
                .isBefore(YearMonth.of(2090, 1)));
    }

    @Test
    void freshDatesEndBeforeTheOwnedMonthsBegin() {
        LocalDate date = OwnPeriods.freshDate();
        assertThat(date).isBetween(OwnPeriods.FRESH_DATES_FROM, OwnPeriods.FRESH_DATES_UNTIL);
        assertThat(YearMonth.from(OwnPeriods.FRESH_DATES_UNTIL)).isBefore(OwnPeriods.OWNED_MONTHS_FROM);
        assertThat(OwnPeriods.freshDate()).isAfter(date);
    }

    @Test
    void pastMonthsAreApartAndBeforeTheLoadedCalendar() {
        YearMonth one = OwnPeriods.pastMonth();
        YearMonth two = OwnPeriods.pastMonth();
        assertThat(two).isAfter(one.plusMonths(1));
        assertThat(two).isBefore(YearMonth.of(2020, 1));
    }

    @Test
    void loadedWeeksAreDistinctWednesdaysOf2025AndUploadYearsDistinctAndAccepted() {
        LocalDate one = OwnPeriods.wednesdayInALoadedYear();
        LocalDate two = OwnPeriods.wednesdayInALoadedYear();
        assertThat(List.of(one, two)).allSatisfy(day -> {
            assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
            assertThat(day.getYear()).isEqualTo(2025);
        });
        assertThat(two).isAfterOrEqualTo(one.plusWeeks(1));
        int year = OwnPeriods.uploadYear();
        assertThat(OwnPeriods.uploadYear()).isGreaterThan(year);
        assertThat(year).isBetween(2090, 2100);
    }
}
