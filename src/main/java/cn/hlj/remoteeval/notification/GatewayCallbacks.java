package cn.hlj.remoteeval.notification;

import java.util.function.Supplier;

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
     * Admits the call and hands it to {@code handling}, or refuses it: 401 for a missing or wrong
     * signature or a stale timestamp, 409 for a replay, 503 when no shared secret is configured for the
     * gateway. The reason is logged; the body is not.
     * <p>
     * The call is remembered only once {@code handling} has returned, so that a call whose handling
     * failed (an error, a database away, its node killed) is heard when the gateway sends it again.
     * Handling must therefore be safe to run twice for one call: two copies of it in flight at once
     * are both handled, and only what handling itself refuses keeps the second from counting.
     *
     * @param timestamp the gateway's timestamp header, seconds since the epoch
     * @param signature the gateway's signature header, hex
     * @return what {@code handling} answered
     */
    <T> T admit(Gateway gateway, String timestamp, String signature, byte[] body, Supplier<T> handling);
}
