package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The seat-plan limits are checked when the application starts, not at the first draw. */
class SeatPlanConfigurationUnitTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(DrawConfiguration.class);

    @Test
    void startsWithThePolicysDefaults() {
        context.run(started -> assertThat(started.getBean(SeatPlanLimits.class)).isEqualTo(SeatPlanLimits.defaults()));
    }

    @Test
    void startsWithTighterLimits() {
        context.withPropertyValues("remote-eval.seat-plan.min-sub-venue-centers=3",
                "remote-eval.seat-plan.max-center-share=2/5", "remote-eval.seat-plan.main-venue-share=1/4")
                .run(started -> assertThat(started.getBean(SeatPlanLimits.class))
                        .isEqualTo(new SeatPlanLimits(3, new Fraction(2, 5), new Fraction(1, 4))));
    }

    @Test
    void refusesToStartWithLimitsThatLoosenThePolicy() {
        context.withPropertyValues("remote-eval.seat-plan.max-center-share=2/3").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("max-center-share");
        });
        context.withPropertyValues("remote-eval.seat-plan.min-sub-venue-centers=1")
                .run(failed -> assertThat(failed).hasFailed());
        context.withPropertyValues("remote-eval.seat-plan.main-venue-share=one third")
                .run(failed -> assertThat(failed.getStartupFailure()).rootCause().hasMessageContaining("main-venue-share"));
    }
}
