package cn.hlj.remoteeval.notification.internal;

import java.time.Instant;

/** An outbox row without its personal data: what an operator may see. */
record OutboxEntry(String id, OutboxState state, int attempts, Instant nextAttemptAt, Instant createdAt,
        Instant sentAt, String lastError) {
}
