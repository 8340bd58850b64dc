package cn.hlj.remoteeval.notification;

/**
 * Queues SMS messages in the caller's transaction: a message leaves only if that transaction
 * commits, and a rolled-back draw sends nothing. Sending happens later, with retries and back-off.
 */
public interface SmsOutbox {

    /**
     * Queues one message. The mobile and the text are stored encrypted. A second call with the
     * same idempotency key queues nothing and answers false, so a retried caller never sends twice.
     *
     * @return true when the message was queued by this call
     */
    boolean enqueue(String idempotencyKey, String mobile, String text);
}
