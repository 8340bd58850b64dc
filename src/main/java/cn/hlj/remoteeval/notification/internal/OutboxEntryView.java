package cn.hlj.remoteeval.notification.internal;

import java.time.Instant;

/** One outbox row as the operator sees it: no mobile, no text, no idempotency key (it may name a tender). */
record OutboxEntryView(String id, String state, int attempts, Instant nextAttemptAt, Instant createdAt,
        Instant sentAt, String lastError) {

    static OutboxEntryView of(OutboxEntry entry) {
        return new OutboxEntryView(entry.id(), entry.state().name(), entry.attempts(),
                entry.state() == OutboxState.PENDING ? entry.nextAttemptAt() : null, entry.createdAt(),
                entry.sentAt(), entry.lastError());
    }
}
