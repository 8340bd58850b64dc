package cn.hlj.remoteeval.crossprovince.exchange;

import java.time.Instant;

/** The message ids already accepted, so that a replayed message is refused however long after. */
public interface SeenMessages {

    /** Records the id as seen; false when it was seen before (on this node or any other). */
    boolean firstTime(String sender, String messageId, Instant receivedAt);
}
