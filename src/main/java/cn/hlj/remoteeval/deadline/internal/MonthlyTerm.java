package cn.hlj.remoteeval.deadline.internal;

/**
 * A term fixed by the calendar month rather than counted from a day: due on day {@code dayOfNextMonth}
 * of the month after the start day's month (the day itself included or not), the reminder on day
 * {@code reminderDay} of that month. "5日前" read as including the 5th is due at the end of the 5th.
 */
record MonthlyTerm(int dayOfNextMonth, boolean includeDueDay, int reminderDay) {

    /** Every month has this day, so the due day never moves into the month after. */
    static final int LATEST_DAY = 28;

    MonthlyTerm {
        int lastDay = includeDueDay ? dayOfNextMonth : dayOfNextMonth - 1;
        if (dayOfNextMonth < 1 || dayOfNextMonth > LATEST_DAY || lastDay < 1) {
            throw new IllegalArgumentException("day-of-next-month must lie within 1.." + LATEST_DAY
                    + (includeDueDay ? "" : " and be at least 2 when the day itself is not included"));
        }
        if (reminderDay < 1 || reminderDay > lastDay) {
            throw new IllegalArgumentException("reminder day must lie within the term (1.." + lastDay + ")");
        }
    }

    /** The last day of the term: the due day itself, or the day before it. */
    int lastDay() {
        return includeDueDay ? dayOfNextMonth : dayOfNextMonth - 1;
    }
}
