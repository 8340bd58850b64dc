package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The expert draw's rules are checked when the application starts, not at the first draw. */
class ExpertDrawConfigurationUnitTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ExpertDrawConfiguration.class, ExclusionRules.class);

    @Test
    void startsWithSameCityAThirdAtMostThreeEvaluationsAndEveryRuleOn() {
        context.run(started -> {
            ExpertDrawPolicy policy = started.getBean(ExpertDrawPolicy.class);
            assertThat(policy).isEqualTo(ExpertDrawPolicy.defaults());
            assertThat(policy.locality()).isEqualTo(Locality.SAME_CITY);
            assertThat(policy.mainCityCap(7)).isEqualTo(2);
            assertThat(policy.maxEvaluationsPerTendererIn12Months()).isEqualTo(3);
            assertThat(policy.enabledRules()).containsExactlyInAnyOrder(ExclusionRule.values());
            assertThat(started).hasSingleBean(ExclusionRules.class);
        });
    }

    @Test
    void startsWithOtherValuesAndRulesSwitchedOff() {
        context.withPropertyValues("remote-eval.expert-draw.locality=PROVINCE", "remote-eval.expert-draw.main-city-share=2/5",
                "remote-eval.expert-draw.max-evaluations-per-tenderer-in-12-months=0",
                "remote-eval.expert-draw.exclusions.frequent-for-tenderer=false",
                "remote-eval.expert-draw.exclusions.earlier-stage=false",
                "remote-eval.expert-draw.exclusions.employed-by-bidder=true").run(started -> {
                    EnumSet<ExclusionRule> on = EnumSet.allOf(ExclusionRule.class);
                    on.remove(ExclusionRule.FREQUENT_FOR_TENDERER);
                    on.remove(ExclusionRule.EARLIER_STAGE);
                    assertThat(started.getBean(ExpertDrawPolicy.class))
                            .isEqualTo(new ExpertDrawPolicy(Locality.PROVINCE, new Fraction(2, 5), 0, on));
                });
    }

    @Test
    void refusesToStartWithAnInvalidRule() {
        context.withPropertyValues("remote-eval.expert-draw.main-city-share=0/3").run(failed ->
                assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("main-city-share"));
        context.withPropertyValues("remote-eval.expert-draw.main-city-share=4/3").run(failed ->
                assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("main-city-share"));
        context.withPropertyValues("remote-eval.expert-draw.main-city-share=a third").run(failed ->
                assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("main-city-share"));
        context.withPropertyValues("remote-eval.expert-draw.max-evaluations-per-tenderer-in-12-months=-1").run(failed ->
                assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("max-evaluations-per-tenderer"));
        context.withPropertyValues("remote-eval.expert-draw.locality=COUNTY").run(failed -> assertThat(failed).hasFailed());
        context.withPropertyValues("remote-eval.expert-draw.exclusions.no-such-rule=false")
                .run(failed -> assertThat(failed).hasFailed());
    }

    @Test
    void refusesToStartWithTheRulesThatPreventDoubleSeatingSwitchedOff() {
        context.withPropertyValues("remote-eval.expert-draw.exclusions.already-drawn-for-tender=false").run(failed ->
                assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("already-drawn-for-tender"));
        context.withPropertyValues("remote-eval.expert-draw.exclusions.booked-in-slot=false").run(failed ->
                assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("booked-in-slot"));
    }

    @Test
    void theWholeShareIsAllowedAndMeansNoCap() {
        context.withPropertyValues("remote-eval.expert-draw.main-city-share=1/1")
                .run(started -> assertThat(started.getBean(ExpertDrawPolicy.class).mainCityCap(9)).isEqualTo(9));
    }
}
