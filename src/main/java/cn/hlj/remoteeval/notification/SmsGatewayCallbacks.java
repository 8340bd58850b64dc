package cn.hlj.remoteeval.notification;

/**
 * The SMS gateway's calls into this system (上行短信: an expert's reply). A call is admitted only when
 * it carries the gateway's signature (HMAC-SHA256 with the shared secret over the timestamp, a line
 * break and the body), its timestamp lies within the replay window, and the same call was not admitted
 * before, on any node.
 */
public interface SmsGatewayCallbacks {

    /**
     * Admits the call or refuses it: 401 for a missing or wrong signature or a stale timestamp, 409 for
     * a replay, 503 when no shared secret is configured. The reason is logged; the body is not.
     *
     * @param timestamp the gateway's {@code X-Sms-Timestamp} header, seconds since the epoch
     * @param signature the gateway's {@code X-Sms-Signature} header, lower-case hex
     */
    void admit(String timestamp, String signature, byte[] body);
}
