package cn.hlj.remoteeval.notification;

/**
 * The calls gateways make into this system: the SMS gateway's replies (上行短信) and the voice
 * platform's key presses after an automated call. A call is admitted only when it carries its
 * gateway's signature (HMAC-SHA256 with that gateway's shared secret over the timestamp, a line break
 * and the body), its timestamp lies within the replay window, and the same call was not admitted
 * before, on any node.
 */
public interface GatewayCallbacks {

    /** Who calls, each with its own secret, window and record of admitted calls. */
    enum Gateway {
        /** {@code remote-eval.sms.inbound.*}. */
        SMS,
        /** {@code remote-eval.voice.inbound.*}. */
        VOICE
    }

    /**
     * Admits the call or refuses it: 401 for a missing or wrong signature or a stale timestamp, 409 for
     * a replay, 503 when no shared secret is configured for the gateway. The reason is logged; the body is not.
     *
     * @param timestamp the gateway's timestamp header, seconds since the epoch
     * @param signature the gateway's signature header, hex
     */
    void admit(Gateway gateway, String timestamp, String signature, byte[] body);
}
