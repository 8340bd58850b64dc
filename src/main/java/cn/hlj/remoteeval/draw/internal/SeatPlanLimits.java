package cn.hlj.remoteeval.draw.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a committee of n is spread over the main venue and the sub-venues (policy 六: sub-venues in
 * "其他2个及以上" centers, "不得集中"). A center may host at most {@code floor(n × maxCenterShare)}
 * seats; the main venue takes at most {@code floor(n × mainVenueShare)}.
 *
 * <p>Configuration may tighten the policy, never loosen it: at least 2 other centers, and a share
 * of at most 1/2, so that no center ever hosts a majority of the committee.
 */
record SeatPlanLimits(int minSubVenueCenters, Fraction maxCenterShare, Fraction mainVenueShare) {

    static final Fraction HALF = new Fraction(1, 2);
    static final Fraction WHOLE = new Fraction(1, 1);

    SeatPlanLimits {
        if (minSubVenueCenters < 2) {
            throw new IllegalArgumentException(
                    "remote-eval.seat-plan.min-sub-venue-centers must be at least 2 (policy 六), was " + minSubVenueCenters);
        }
        if (maxCenterShare == null || maxCenterShare.numerator() == 0 || maxCenterShare.compareValue(HALF) > 0) {
            throw new IllegalArgumentException("remote-eval.seat-plan.max-center-share must be above 0 and at most 1/2 "
                    + "(no center may host a majority), was " + maxCenterShare);
        }
        if (mainVenueShare == null || mainVenueShare.compareValue(WHOLE) > 0) {
            throw new IllegalArgumentException(
                    "remote-eval.seat-plan.main-venue-share must be between 0 and 1, was " + mainVenueShare);
        }
    }

    static SeatPlanLimits defaults() {
        return new SeatPlanLimits(2, HALF, new Fraction(1, 3));
    }

    /** The most seats one center, the main venue included, may host for a committee of n. */
    int centerCap(int committeeSize) {
        return maxCenterShare.floorOf(committeeSize);
    }

    /**
     * What is wrong with a seat plan for a committee of n at the given main venue, in Chinese for
     * the staff who entered it; empty when it keeps the limits. It names no center: the message
     * may reach people who must not learn the sub-venues.
     */
    List<String> breaches(int committeeSize, String mainCenter, Map<String, Integer> seatsByCenter) {
        List<String> breaches = new ArrayList<>();
        int total = 0;
        int subVenueCenters = 0;
        int cap = centerCap(committeeSize);
        boolean overCap = false;
        for (Map.Entry<String, Integer> seats : seatsByCenter.entrySet()) {
            int count = seats.getValue() == null ? 0 : seats.getValue();
            if (count < 0) {
                breaches.add("席位数不能为负数");
                continue;
            }
            total += count;
            if (count > 0 && !seats.getKey().equals(mainCenter)) {
                subVenueCenters++;
            }
            overCap |= count > cap;
        }
        if (total != committeeSize) {
            breaches.add("各场席位合计 " + total + " 个，应等于评标委员会人数 " + committeeSize + " 人");
        }
        if (subVenueCenters < minSubVenueCenters) {
            breaches.add("副场应分布在主场以外的 " + minSubVenueCenters + " 个及以上交易中心");
        }
        if (overCap) {
            breaches.add("任一交易中心（含主场）的席位不得超过 " + cap + " 个（不得集中）");
        }
        return breaches;
    }
}
