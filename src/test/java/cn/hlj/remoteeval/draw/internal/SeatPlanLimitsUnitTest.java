package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SeatPlanLimitsUnitTest {

    @Test
    void theDefaultsAreTwoCentersHalfAndAThird() {
        SeatPlanLimits limits = new SeatPlanProperties(2, "1/2", "1/3").limits();

        assertThat(limits).isEqualTo(SeatPlanLimits.defaults());
        assertThat(limits.centerCap(7)).isEqualTo(3);
        assertThat(limits.centerCap(8)).isEqualTo(4);
        assertThat(limits.mainVenueShare().floorOf(7)).isEqualTo(2);
        assertThat(limits.mainVenueShare().floorOf(9)).isEqualTo(3);
    }

    @Test
    void mayTightenThePolicy() {
        SeatPlanLimits limits = new SeatPlanProperties(3, "2/5", "1/4").limits();

        assertThat(limits.centerCap(10)).isEqualTo(4);
        assertThat(new SeatPlanProperties(2, "2/4", "0/1").limits().centerCap(9)).isEqualTo(4);
    }

    @Test
    void refusesLimitsThatLoosenThePolicyOrAreNotFractions() {
        assertThatThrownBy(() -> new SeatPlanProperties(1, "1/2", "1/3").limits())
                .hasMessageContaining("min-sub-venue-centers");
        assertThatThrownBy(() -> new SeatPlanProperties(2, "3/5", "1/3").limits())
                .hasMessageContaining("max-center-share");
        assertThatThrownBy(() -> new SeatPlanProperties(2, "0/2", "1/3").limits())
                .hasMessageContaining("max-center-share");
        assertThatThrownBy(() -> new SeatPlanProperties(2, "1/2", "4/3").limits())
                .hasMessageContaining("main-venue-share");
        assertThatThrownBy(() -> new SeatPlanProperties(2, "0.5", "1/3").limits())
                .hasMessageContaining("max-center-share");
        assertThatThrownBy(() -> new SeatPlanProperties(2, "1/0", "1/3").limits())
                .hasMessageContaining("max-center-share");
    }

    @Test
    void namesWhatIsWrongWithASeatPlanWithoutNamingACenter() {
        SeatPlanLimits limits = SeatPlanLimits.defaults();

        assertThat(limits.breaches(7, "HRB", Map.of("HRB", 2, "DQ", 3, "MDJ", 2))).isEmpty();
        assertThat(limits.breaches(7, "HRB", Map.of("HRB", 2, "DQ", 5))).hasSize(2)
                .noneMatch(message -> message.contains("DQ") || message.contains("HRB"));
        assertThat(limits.breaches(7, "HRB", Map.of("HRB", 4, "DQ", 2, "MDJ", 2))).hasSize(2);
    }
}
