package cn.hlj.remoteeval.notification.internal;

import java.time.Duration;

/** When a failed message is tried again, and when it is given up. */
record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, int maxAttempts) {

    /** The wait after the given number of attempts (1 = the first attempt failed). */
    Duration backoffAfter(int attempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
        // Compared as doubles: a long overflow after many attempts would wrap to a negative wait.
        if (millis >= maxBackoff.toMillis()) {
            return maxBackoff;
        }
        return Duration.ofMillis((long) millis);
    }

    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
