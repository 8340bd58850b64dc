package cn.hlj.remoteeval.crossprovince.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-eval.exchange.delivery.*}: how messages to partners are sent and how partners'
 * messages are handled. Checked at start, so that a back-off that never grows or a claim shorter than
 * one attempt stops the application instead of sending every message twice.
 *
 * @param enabled whether this node polls the outbox and the inbox (every node does in production)
 * @param pollInterval how often a node looks for due work besides the immediate attempt after a commit
 * @param claimTimeout how long a node holds a message it is sending before another node may take it over
 * @param initialBackoff the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts, so that a partner back from an outage is served soon
 * @param giveUpAfter a message not delivered this long after it was queued becomes a dead letter
 * @param handlingAttempts how often a received message is handled before it becomes a dead letter
 * @param connectTimeout the HTTPS connection to a partner's node
 * @param requestTimeout one delivery's answer
 * @param plainHttpAllowed whether a partner's address may be {@code http://} (two instances on one machine only)
 * @param tlsBundle the Spring SSL bundle (trust store, client key) used for partners' {@code https://} addresses
 */
@ConfigurationProperties("remote-eval.exchange.delivery")
record ExchangeDeliveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("PT1M") Duration claimTimeout, @DefaultValue("PT2S") Duration initialBackoff,
        @DefaultValue("PT1M") Duration maxBackoff, @DefaultValue("P2D") Duration giveUpAfter,
        @DefaultValue("5") int handlingAttempts, @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration requestTimeout, @DefaultValue("false") boolean plainHttpAllowed,
        String tlsBundle) {

    ExchangeDeliveryProperties {
        positive("poll-interval", pollInterval);
        positive("initial-backoff", initialBackoff);
        positive("connect-timeout", connectTimeout);
        positive("request-timeout", requestTimeout);
        positive("give-up-after", giveUpAfter);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("remote-eval.exchange.delivery.max-backoff must not be below initial-backoff");
        }
        if (claimTimeout.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException(
                    "remote-eval.exchange.delivery.claim-timeout must exceed connect-timeout + request-timeout");
        }
        if (handlingAttempts < 1) {
            throw new IllegalArgumentException("remote-eval.exchange.delivery.handling-attempts must be at least 1");
        }
    }

    /** The wait after {@code attempts} failed attempts: doubling from the initial wait, capped. */
    Duration backoffAfter(int attempts) {
        double millis = initialBackoff.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("remote-eval.exchange.delivery." + name + " must be positive");
        }
    }
}
