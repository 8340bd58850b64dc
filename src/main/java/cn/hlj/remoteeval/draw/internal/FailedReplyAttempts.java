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
 * Failed answers (a code that is not any invitation's, a text that is no reply) per sender, kept for a
 * quarter of an hour: a sender with {@value #LIMIT} failures in that time is not heard until the oldest
 * of them has aged out, so that reply codes cannot be guessed by trying. Senders are known here by a
 * keyed hash only. Kept per node: a guesser spread over nodes gets the limit once per node.
 */
@Component
class FailedReplyAttempts {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    FailedReplyAttempts(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String sender) {
        Deque<Instant> recent = failures.get(sender);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= LIMIT;
        }
    }

    void failed(String sender) {
        Deque<Instant> recent = failures.computeIfAbsent(sender, s -> new ArrayDeque<>());
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
