package cn.hlj.remoteeval.crossprovince.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExchangeDeliveryPropertiesUnitTest {

    private static ExchangeDeliveryProperties with(Duration initial, Duration max, Duration claim) {
        return new ExchangeDeliveryProperties(true, Duration.ofSeconds(2), claim, initial, max, Duration.ofDays(2), 5,
                Duration.ofSeconds(5), Duration.ofSeconds(20), false, null);
    }

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToItsCap() {
        ExchangeDeliveryProperties properties = with(Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(properties.backoffAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoffAfter(10_000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aClaimShorterThanOneAttemptOrACapBelowTheFirstWaitStopsTheApplication() {
        assertThatThrownBy(() -> with(Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(25)))
                .hasMessageContaining("claim-timeout");
        assertThatThrownBy(() -> with(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1)))
                .hasMessageContaining("max-backoff");
        assertThatThrownBy(() -> with(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(1)))
                .hasMessageContaining("initial-backoff");
    }
}
