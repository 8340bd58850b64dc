package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.deadline.DeadlineKind;

/**
 * The monthly report's term (月调度机制): day N of the month after the reported month, "N日前" with or
 * without day N, the reminder on day 3; counted by the calendar, so no holiday schedule is needed.
 */
class MonthlyReportTermUnitTest {

    @Test
    void theShippedConfigurationIsDueAtTheEndOfTheFifthWithTheReminderOnTheThird() throws IOException {
        DeadlineTerms terms = DeadlineTerms.of(DeadlineTermsUnitTest.bind(Map.of()));
        assertThat(terms.monthlyReport()).isEqualTo(new MonthlyTerm(5, true, 3));

        DeadlineDates october = dates(terms, LocalDate.of(2026, 10, 1));
        assertThat(october.dueDate()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(october.dueAt()).isEqualTo(at(2026, 11, 6, 0));
        assertThat(october.remindAt()).isEqualTo(at(2026, 11, 3, 9));
    }

    @Test
    void anyDayOfTheReportedMonthGivesTheSameDates() throws IOException {
        DeadlineTerms terms = DeadlineTerms.of(DeadlineTermsUnitTest.bind(Map.of()));
        assertThat(dates(terms, LocalDate.of(2026, 10, 31))).isEqualTo(dates(terms, LocalDate.of(2026, 10, 1)));
    }

    @Test
    void withoutTheDueDayItIsDueAtTheEndOfTheFourth() throws IOException {
        DeadlineTerms terms = DeadlineTerms.of(DeadlineTermsUnitTest.bind(
                Map.of("REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_INCLUDE_DUE_DAY", "false")));
        assertThat(terms.monthlyReport()).isEqualTo(new MonthlyTerm(5, false, 3));

        DeadlineDates october = dates(terms, LocalDate.of(2026, 10, 1));
        assertThat(october.dueDate()).isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(october.dueAt()).isEqualTo(at(2026, 11, 5, 0));
        assertThat(october.remindAt()).isEqualTo(at(2026, 11, 3, 9));
    }

    @Test
    void decemberIsDueInJanuaryOfTheNextYearAndNoScheduleIsNeeded() throws IOException {
        DeadlineTerms terms = DeadlineTerms.of(DeadlineTermsUnitTest.bind(Map.of()));
        // 2034 is not loaded: a calendar that throws on any question shows none was asked.
        DeadlineDates december = DeadlineDates.compute(terms, null, DeadlineKind.MONTHLY_REPORT,
                LocalDate.of(2033, 12, 15));
        assertThat(december.dueDate()).isEqualTo(LocalDate.of(2034, 1, 5));
        assertThat(december.dueAt()).isEqualTo(at(2034, 1, 6, 0));
        assertThat(december.remindAt()).isEqualTo(at(2034, 1, 3, 9));
    }

    @Test
    void theDayTheReminderAndTheReminderTimeAreConfiguration() throws IOException {
        DeadlineTerms terms = DeadlineTerms.of(DeadlineTermsUnitTest.bind(Map.of(
                "REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_DAY", "10", "REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_REMINDER", "7",
                "REMOTE_EVAL_DEADLINE_REMINDER_TIME", "08:30")));

        DeadlineDates february = dates(terms, LocalDate.of(2027, 2, 1));
        assertThat(february.dueDate()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(february.remindAt()).isEqualTo(ZonedDateTime.of(2027, 3, 7, 8, 30, 0, 0, DeadlineTerms.ZONE).toInstant());
    }

    @Test
    void aTermThatCannotBeStopsTheStart() {
        assertThatThrownBy(() -> DeadlineTerms.of(DeadlineTermsUnitTest.bind(
                Map.of("REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_REMINDER", "6"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MONTHLY_REPORT.reminder-day");
        // Without the 5th the term ends on the 4th: a reminder on the 5th would come after the breach.
        assertThatThrownBy(() -> DeadlineTerms.of(DeadlineTermsUnitTest.bind(Map.of(
                "REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_INCLUDE_DUE_DAY", "false",
                "REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_REMINDER", "5"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("(1..4)");
        assertThatThrownBy(() -> DeadlineTerms.of(DeadlineTermsUnitTest.bind(
                Map.of("REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_DAY", "29"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("day-of-next-month");
        assertThatThrownBy(() -> DeadlineTerms.of(DeadlineTermsUnitTest.bind(Map.of(
                "REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_DAY", "1", "REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_INCLUDE_DUE_DAY", "false",
                "REMOTE_EVAL_DEADLINE_MONTHLY_REPORT_REMINDER", "1"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 2");
    }

    @Test
    void aCountOfDaysIsRefusedForTheMonthlyReportAndADayOfTheMonthForTheOthers() {
        DeadlineProperties monthly = new DeadlineProperties();
        DeadlineProperties.TermProperties counted = new DeadlineProperties.TermProperties();
        counted.setCalendarDays(5);
        counted.setReminderDay(3);
        monthly.getTerms().put(DeadlineKind.MONTHLY_REPORT, counted);
        assertThatThrownBy(() -> DeadlineTerms.of(monthly)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("day-of-next-month");

        DeadlineProperties other = new DeadlineProperties();
        DeadlineProperties.TermProperties dayOfMonth = new DeadlineProperties.TermProperties();
        dayOfMonth.setWorkingDays(5);
        dayOfMonth.setReminderDay(3);
        dayOfMonth.setDayOfNextMonth(5);
        other.getTerms().put(DeadlineKind.AV_HANDOVER_TO_MAIN, dayOfMonth);
        assertThatThrownBy(() -> DeadlineTerms.of(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MONTHLY_REPORT only");
    }

    @Test
    void aMissingConfigurationTakesThePolicyDefault() {
        assertThat(DeadlineTerms.of(new DeadlineProperties()).monthlyReport()).isEqualTo(new MonthlyTerm(5, true, 3));
    }

    private static DeadlineDates dates(DeadlineTerms terms, LocalDate startDay) {
        return DeadlineDates.compute(terms, null, DeadlineKind.MONTHLY_REPORT, startDay);
    }

    private static java.time.Instant at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, DeadlineTerms.ZONE).toInstant();
    }
}
