package cn.hlj.remoteeval.crossprovince.exchange;

/**
 * An incoming envelope that failed a check; nothing of it was used. The message says what, never the
 * content (a sealed part may hold names).
 */
public class EnvelopeRefused extends RuntimeException {

    private final RefusalReason reason;
    private final String sender;
    private final String messageId;

    EnvelopeRefused(RefusalReason reason, String detail, String sender, String messageId) {
        super(reason.label() + (detail == null || detail.isBlank() ? "" : "：" + detail));
        this.reason = reason;
        this.sender = sender;
        this.messageId = messageId;
    }

    public RefusalReason reason() {
        return reason;
    }

    /** The sender the message claims (checked only from {@link RefusalReason#REPLAY} on). */
    public String sender() {
        return sender;
    }

    public String messageId() {
        return messageId;
    }
}
