package cn.hlj.remoteeval.deadline.internal;

/**
 * A deadline kind's term: {@code days} working days (official calendar) or calendar days after the
 * start day, the reminder on the {@code reminderDay}-th of those days.
 */
record Term(int days, boolean workingDays, int reminderDay) {

    Term {
        if (days <= 0) {
            throw new IllegalArgumentException("term must be positive");
        }
        if (reminderDay < 1 || reminderDay > days) {
            throw new IllegalArgumentException("reminder day must lie within the term (1.." + days + ")");
        }
    }

    static Term working(int days, int reminderDay) {
        return new Term(days, true, reminderDay);
    }

    static Term calendar(int days, int reminderDay) {
        return new Term(days, false, reminderDay);
    }
}
