package cn.hlj.remoteeval.deadline;

/** A working-day computation reached a year whose official schedule is not loaded; nothing is guessed. */
public class CalendarYearNotLoaded extends RuntimeException {

    private final int year;

    public CalendarYearNotLoaded(int year) {
        super("The official holiday schedule of " + year + " is not loaded");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
