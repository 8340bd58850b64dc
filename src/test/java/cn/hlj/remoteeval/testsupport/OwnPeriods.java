package cn.hlj.remoteeval.testsupport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

import cn.hlj.remoteeval.reporting.ReportMonth;

/**
 * Hands out the periods of the shared test database, so that a test which counts what happened in a
 * period (a month's figures, a month's report rows) counts only what it did itself, whatever else ran
 * before it, in whatever order, on whatever day the suite runs.
 *
 * <p>The time line of a test run is split in three, and no period is ever handed out twice in one
 * run (the test databases are new for every run):
 * <ul>
 * <li>the present, where the application's clock normally runs: tests that leave the clock alone;</li>
 * <li>{@link #FRESH_DATES_FROM} to {@link #FRESH_DATES_UNTIL}: evaluation dates of {@link TenderBody},
 * one day per tender, so that each tender finds the workstations free;</li>
 * <li>owned weeks of 2025, a year the bundled official calendar covers: for a test whose deadlines
 * count working days and must be computable whatever year the suite runs in (on 1 January of a year
 * whose schedule is not loaded yet, a deadline starting today rightly waits for the calendar);</li>
 * <li>owned months, from {@link #OWNED_MONTHS_FROM} on (and, for tests whose clock must stay behind
 * every other test's deadlines, from {@link #OWNED_PAST_MONTHS_FROM} on): each claim gets its months
 * with a month on either side that no one else gets, since the tests also check that the months
 * around theirs are empty. A test that owns a month sets the clock and the evaluation dates inside it.</li>
 * </ul>
 */
public final class OwnPeriods {

    public static final LocalDate FRESH_DATES_FROM = LocalDate.of(2036, 1, 1);
    public static final LocalDate FRESH_DATES_UNTIL = LocalDate.of(2040, 12, 31);
    public static final YearMonth OWNED_MONTHS_FROM = YearMonth.of(2041, 1);
    /** Before the calendar's first loaded year (2025) and after anything a fixture dates in the past. */
    public static final YearMonth OWNED_PAST_MONTHS_FROM = YearMonth.of(2001, 1);
    private static final YearMonth OWNED_PAST_MONTHS_UNTIL = YearMonth.of(2019, 12);

    /** The Wednesday of the first week handed out by {@link #wednesdayInALoadedYear()}, after the Spring Festival. */
    private static final LocalDate LOADED_WEEKS_FROM = LocalDate.of(2025, 3, 5);
    private static final LocalDate LOADED_WEEKS_UNTIL = LocalDate.of(2025, 12, 17);
    /** Years for calendar uploads: after every owned month, within the years an upload accepts (to 2100). */
    private static final int UPLOAD_YEARS_FROM = 2090;

    private static final AtomicInteger FRESH_DAYS = new AtomicInteger();
    private static final AtomicInteger LOADED_WEEKS = new AtomicInteger();
    private static final AtomicInteger UPLOAD_YEARS = new AtomicInteger();
    private static final AtomicInteger OWNED_MONTHS = new AtomicInteger();
    private static final AtomicInteger OWNED_PAST_MONTHS = new AtomicInteger();

    private OwnPeriods() {
    }

    /** An evaluation date that no other tender of this run was given. */
    public static LocalDate freshDate() {
        LocalDate date = FRESH_DATES_FROM.plusDays(FRESH_DAYS.getAndIncrement());
        if (date.isAfter(FRESH_DATES_UNTIL)) {
            throw new IllegalStateException("The test run used up its fresh evaluation dates (" + FRESH_DATES_FROM + " to "
                    + FRESH_DATES_UNTIL + "); widen the range in OwnPeriods, before the owned months");
        }
        return date;
    }

    /**
     * The Wednesday of a week of 2025 that no other test of this run owns: set the clock into it, and
     * working-day deadlines that start that week are computed on the official calendar.
     */
    public static LocalDate wednesdayInALoadedYear() {
        LocalDate wednesday = LOADED_WEEKS_FROM.plusWeeks(LOADED_WEEKS.getAndIncrement());
        if (wednesday.isAfter(LOADED_WEEKS_UNTIL)) {
            throw new IllegalStateException("No owned weeks of 2025 left");
        }
        return wednesday;
    }

    /** A year no other test of this run uploads a calendar for, nor uses otherwise (2090 to 2100). */
    public static int uploadYear() {
        int year = UPLOAD_YEARS_FROM + UPLOAD_YEARS.getAndIncrement();
        if (year > 2100) {
            throw new IllegalStateException("No upload years left");
        }
        return year;
    }

    /** A month in the future that no other test of this run owns or touches, nor the months beside it. */
    public static ReportMonth month() {
        return months(1);
    }

    /**
     * {@code count} consecutive months owned by the caller, the first returned: the months before the
     * first and after the last are owned by no one, so they stay empty.
     */
    public static ReportMonth months(int count) {
        return new ReportMonth(claim(OWNED_MONTHS, OWNED_MONTHS_FROM, count, YearMonth.of(UPLOAD_YEARS_FROM - 1, 12)));
    }

    /**
     * A month of the past (2001 to 2019) owned like {@link #month()}: for a test that sets the clock to
     * the month after it and must not reach any deadline of the present or of the owned future months.
     */
    public static YearMonth pastMonth() {
        return claim(OWNED_PAST_MONTHS, OWNED_PAST_MONTHS_FROM, 1, OWNED_PAST_MONTHS_UNTIL);
    }

    private static YearMonth claim(AtomicInteger used, YearMonth from, int count, YearMonth until) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        // One guard month before the claim; the next claim's guard is this claim's guard after.
        int first = used.getAndAdd(count + 1) + 1;
        YearMonth month = from.plusMonths(first);
        if (month.plusMonths(count).isAfter(until)) {
            throw new IllegalStateException("No owned months left before " + until);
        }
        return month;
    }
}
