package cn.hlj.remoteeval.notification.internal;

/**
 * One message handed to a gateway, in plaintext. The idempotency key goes along so that a gateway
 * which supports it drops a message sent again after a crash between sending and marking it sent.
 */
record OutgoingSms(String outboxId, String idempotencyKey, String mobile, String text) {

    /** Never prints the mobile or the text: a record's default toString would. */
    @Override
    public String toString() {
        return "OutgoingSms[outboxId=" + outboxId + "]";
    }
}
