package cn.hlj.remoteeval.draw.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of the expert draw in force, from {@code remote-eval.expert-draw.*}: where experts may
 * come from, the share of the committee the main venue's own city may provide (at most
 * {@code floor(n × mainCityShare)} experts), the most evaluations for one tenderer in 12 months,
 * and the exclusion rules switched on.
 */
record ExpertDrawPolicy(Locality locality, Fraction mainCityShare, int maxEvaluationsPerTendererIn12Months,
        Set<ExclusionRule> enabledRules) {

    static final String PREFIX = "remote-eval.expert-draw.";

    ExpertDrawPolicy {
        if (locality == null) {
            throw new IllegalArgumentException(PREFIX + "locality must be SAME_CITY or PROVINCE");
        }
        if (mainCityShare == null || mainCityShare.numerator() == 0
                || mainCityShare.compareValue(SeatPlanLimits.WHOLE) > 0) {
            throw new IllegalArgumentException(
                    PREFIX + "main-city-share must be above 0 and at most 1, was " + mainCityShare);
        }
        if (maxEvaluationsPerTendererIn12Months < 0) {
            throw new IllegalArgumentException(PREFIX + "max-evaluations-per-tenderer-in-12-months must be 0 or more, was "
                    + maxEvaluationsPerTendererIn12Months);
        }
        Objects.requireNonNull(enabledRules, "enabledRules");
        for (ExclusionRule rule : ExclusionRule.values()) {
            if (rule.mandatory() && !enabledRules.contains(rule)) {
                throw new IllegalArgumentException(PREFIX + "exclusions." + dashed(rule)
                        + " cannot be switched off: it keeps an expert from being seated twice");
            }
        }
        enabledRules = Collections.unmodifiableSet(enabledRules.isEmpty() ? EnumSet.noneOf(ExclusionRule.class)
                : EnumSet.copyOf(enabledRules));
    }

    static ExpertDrawPolicy defaults() {
        return new ExpertDrawPolicy(Locality.SAME_CITY, new Fraction(1, 3), 3, EnumSet.allOf(ExclusionRule.class));
    }

    boolean enabled(ExclusionRule rule) {
        return enabledRules.contains(rule);
    }

    /** The most experts of the main venue's own city on a committee of n (the request's {@code mainCityCap}). */
    int mainCityCap(int committeeSize) {
        return mainCityShare.floorOf(committeeSize);
    }

    /** The property key of a rule's switch, e.g. {@code employed-by-tenderer}. */
    static String dashed(ExclusionRule rule) {
        return rule.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
