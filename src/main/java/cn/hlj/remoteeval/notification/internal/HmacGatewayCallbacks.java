package cn.hlj.remoteeval.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.notification.GatewayCallbacks;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Checks a gateway's HMAC-SHA256 signature in constant time, the timestamp against the window, and
 * remembers each handled signature in the gateway's own table (unique across nodes) until it has
 * left the window, so that a replayed call is refused. A table per gateway: each prunes by its own
 * window without dropping what another gateway still needs.
 * <p>
 * No transaction spans the call: the signature is written after handling has committed, so that an
 * answer is never remembered as heard while the answer itself was rolled back.
 */
class HmacGatewayCallbacks implements GatewayCallbacks {

    private static final Logger log = LoggerFactory.getLogger(HmacGatewayCallbacks.class);
    private static final String ALGORITHM = "HmacSHA256";

    /** How a gateway is configured, logged, named to its caller and where its admitted calls are kept. */
    record Inbound(String prefix, String logName, String name, String table) {
    }

    static final Map<Gateway, Inbound> INBOUND = Map.of(
            Gateway.SMS, new Inbound("remote-eval.sms.inbound", "SMS gateway", "短信上行", "sms_gateway_callback"),
            Gateway.VOICE, new Inbound("remote-eval.voice.inbound", "Voice gateway", "语音按键回调", "voice_gateway_callback"));

    private final Map<Gateway, GatewayInboundProperties> properties = new EnumMap<>(Gateway.class);
    private final JdbcClient jdbc;
    private final Clock clock;

    HmacGatewayCallbacks(Binder binder, JdbcClient jdbc, Clock clock) {
        INBOUND.forEach((gateway, inbound) -> properties.put(gateway, GatewayInboundProperties.bind(binder, inbound.prefix())));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public <T> T admit(Gateway gateway, String timestamp, String signature, byte[] body, Supplier<T> handling) {
        Inbound inbound = INBOUND.get(gateway);
        GatewayInboundProperties configured = properties.get(gateway);
        if (configured.secret() == null) {
            log.warn("{} callback refused: {}.secret is not configured", inbound.logName(), inbound.prefix());
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, inbound.name() + "未启用",
                    inbound.name() + "回调尚未配置共享密钥。", List.of());
        }
        Instant now = clock.instant();
        Instant sent = parseSeconds(timestamp);
        if (sent == null || Duration.between(sent, now).abs().compareTo(configured.window()) > 0) {
            log.warn("{} callback refused: timestamp missing or outside the {} window", inbound.logName(), configured.window());
            throw refused("时间戳缺失或超出允许的时间窗口");
        }
        byte[] expected = sign(configured.secret(), timestamp.strip(), body);
        byte[] given = parseHex(signature);
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            log.warn("{} callback refused: bad signature", inbound.logName());
            throw refused("签名无效");
        }
        String handled = HexFormat.of().formatHex(expected);
        if (jdbc.sql("SELECT COUNT(*) FROM " + inbound.table() + " WHERE signature = ?").param(handled).query(Long.class)
                .single() > 0) {
            throw replayed(inbound);
        }
        T answer = handling.get();
        jdbc.sql("DELETE FROM " + inbound.table() + " WHERE received_at < ?")
                .param(Timestamp.from(now.minus(configured.window().multipliedBy(2)))).update();
        try {
            jdbc.sql("INSERT INTO " + inbound.table() + " (signature, received_at) VALUES (?, ?)")
                    .params(handled, Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            // Two copies were in flight at once; handling has already decided what the second one counted for.
            log.info("{} callback handled twice at once; remembered once", inbound.logName());
        }
        return answer;
    }

    private static ApiProblemException replayed(Inbound inbound) {
        log.warn("{} callback refused: replayed", inbound.logName());
        return new ApiProblemException(HttpStatus.CONFLICT, "重复的回调", "该" + inbound.name() + "回调已处理，不再重复处理。",
                List.of());
    }

    private static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '\n');
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static ApiProblemException refused(String detail) {
        return new ApiProblemException(HttpStatus.UNAUTHORIZED, "回调未通过验证", detail, List.of());
    }

    private static Instant parseSeconds(String timestamp) {
        if (timestamp == null || !timestamp.strip().matches("\\d{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    }

    private static byte[] parseHex(String hex) {
        if (hex == null || !hex.strip().matches("[0-9a-fA-F]{64}")) {
            return null;
        }
        return HexFormat.of().parseHex(hex.strip().toLowerCase());
    }
}
