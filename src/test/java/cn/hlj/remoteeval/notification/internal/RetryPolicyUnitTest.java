package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryPolicyUnitTest {

    @Test
    void backOffGrowsByTheMultiplierUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofMinutes(30), 8);

        assertThat(IntStream.rangeClosed(1, 8).mapToObj(policy::backoffAfter)).containsExactly(Duration.ofSeconds(30),
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(16), Duration.ofMinutes(30), Duration.ofMinutes(30));
    }

    @Test
    void manyAttemptsNeverOverflowPastTheCap() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), 10, Duration.ofHours(1), 1000);

        assertThat(policy.backoffAfter(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMultiplierOfOneKeepsTheBackOffConstant() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(45), 1, Duration.ofMinutes(30), 3);

        assertThat(policy.backoffAfter(1)).isEqualTo(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void isExhaustedOnceMaxAttemptsWereMade() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofMinutes(30), 8);

        assertThat(policy.exhausted(7)).isFalse();
        assertThat(policy.exhausted(8)).isTrue();
    }
}
