package cn.hlj.remoteeval.notification.internal;

/** The life of an outbox row: PENDING → SENDING → SENT, or back to PENDING after a failure, or FAILED. */
enum OutboxState {
    PENDING, SENDING, SENT, FAILED
}
