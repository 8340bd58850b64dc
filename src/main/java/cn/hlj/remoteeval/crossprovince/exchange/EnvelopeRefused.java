package cn.hlj.remoteeval.crossprovince.exchange;

/**
 * An incoming envelope that failed a check; nothing of it was used. The message says what, never the
 * content (a sealed part may hold names).
 */
public class EnvelopeRefused extends RuntimeException {

    private final RefusalReason reason;

    EnvelopeRefused(RefusalReason reason, String detail) {
        super(reason.label() + (detail == null || detail.isBlank() ? "" : "：" + detail));
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
