package cn.hlj.remoteeval.notification;

/**
 * Places an automated voice call (语音外呼) to an expert who has not answered an invitation in time.
 * The provider reads the script and takes the expert's key press (1 accept, 2 decline), which it
 * reports through its signed callback {@code POST /api/voice-gateway/answers} with the correlation it
 * was given. The local stand-in records the call in a file instead.
 */
public interface VoiceCalls {

    /**
     * Places the call once per idempotency key (on this node; a repeated key places nothing).
     *
     * @param correlation what the provider sends back with the key press: the invitation's seat id, random
     *        and shown to nobody else
     */
    void call(String idempotencyKey, String mobile, String script, String correlation);
}
