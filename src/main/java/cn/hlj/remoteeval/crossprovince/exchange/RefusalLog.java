package cn.hlj.remoteeval.crossprovince.exchange;

import java.time.Instant;

/** Every refused envelope, for the operators: which message, from whom (as claimed), why. */
public interface RefusalLog {

    void refused(String messageId, String claimedSender, RefusalReason reason, String detail, Instant at);
}
