package cn.hlj.remoteeval.draw.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-eval.expert-draw.*}: {@code locality} ({@code SAME_CITY} or {@code PROVINCE}),
 * {@code main-city-share} (written {@code a/b}), {@code max-evaluations-per-tenderer-in-12-months},
 * and {@code exclusions.<rule>: true|false} per {@link ExclusionRule} (e.g.
 * {@code exclusions.employed-by-bidder}); a rule not mentioned is on. Checked when the application
 * starts: an invalid value stops it.
 */
@ConfigurationProperties("remote-eval.expert-draw")
record ExpertDrawProperties(@DefaultValue("SAME_CITY") Locality locality, @DefaultValue("1/3") String mainCityShare,
        @DefaultValue("3") int maxEvaluationsPerTendererIn12Months, Map<ExclusionRule, Boolean> exclusions) {

    ExpertDrawPolicy policy() {
        Fraction share;
        try {
            share = Fraction.parse(mainCityShare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ExpertDrawPolicy.PREFIX + "main-city-share: " + e.getMessage());
        }
        Set<ExclusionRule> enabled = EnumSet.allOf(ExclusionRule.class);
        if (exclusions != null) {
            exclusions.forEach((rule, on) -> {
                if (Boolean.FALSE.equals(on)) {
                    enabled.remove(rule);
                }
            });
        }
        return new ExpertDrawPolicy(locality, share, maxEvaluationsPerTendererIn12Months, enabled);
    }
}
