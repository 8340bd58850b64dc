package cn.hlj.remoteeval.venue;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dates in 2031..2035, distinct within a test run and a few days apart, so that tests sharing the
 * database (and the demo directory other modules book on near dates) never see each other's
 * bookings or outages.
 */
final class FarDates {

    private static final LocalDate FIRST = LocalDate.of(2031, 1, 1);
    private static final int SPAN_DAYS = 5 * 365;
    private static final int STEP = 7;
    private static final AtomicInteger NEXT = new AtomicInteger(new SecureRandom().nextInt(SPAN_DAYS));

    private FarDates() {
    }

    /** A date whose neighbours (three days either side) no other test of the run uses. */
    static LocalDate next() {
        return FIRST.plusDays(Math.floorMod(NEXT.getAndAdd(STEP), SPAN_DAYS - STEP) + 3);
    }
}
