package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Failed answers per answering party, kept for a quarter of an hour: a party with its channel's limit
 * of failures in that time is not heard until the oldest of them has aged out, so that reply codes
 * (and call correlations) cannot be guessed by trying. Parties are known here by a keyed hash or a
 * network address only, never by a code. Kept per node: a guesser spread over nodes gets the limit
 * once per node.
 */
@Component
class FailedReplyAttempts {

    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Where an answer came from, each with its own count per party and its limit. */
    enum Channel {
        /** An SMS reply, per sender: a code that is not any invitation's, a text that is no reply. */
        SMS_SENDER(5),
        /** The answer page and its API, per client address: an unknown, expired or used code. */
        ANSWER_CLIENT(10),
        /** The voice platform's key-press callback, per client address: a correlation of no call. */
        VOICE_CLIENT(5);

        final int limit;

        Channel(int limit) {
            this.limit = limit;
        }
    }

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    FailedReplyAttempts(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(Channel channel, String party) {
        Deque<Instant> recent = failures.get(channel + ":" + party);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= channel.limit;
        }
    }

    void failed(Channel channel, String party) {
        Deque<Instant> recent = failures.computeIfAbsent(channel + ":" + party, s -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue());
                    return entry.getValue().isEmpty();
                }
            });
        }
    }

    private void prune(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
            recent.removeFirst();
        }
    }
}
