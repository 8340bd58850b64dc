package cn.hlj.remoteeval.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.notification.SmsGatewayCallbacks;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Checks the gateway's HMAC-SHA256 signature in constant time, the timestamp against the window, and
 * remembers each admitted signature in {@code sms_gateway_callback} (unique across nodes) until it
 * has left the window, so that a replayed call is refused.
 */
@Component
class HmacSmsGatewayCallbacks implements SmsGatewayCallbacks {

    private static final Logger log = LoggerFactory.getLogger(HmacSmsGatewayCallbacks.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SmsInboundProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    HmacSmsGatewayCallbacks(SmsInboundProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void admit(String timestamp, String signature, byte[] body) {
        if (properties.secret() == null) {
            log.warn("SMS gateway callback refused: remote-eval.sms.inbound.secret is not configured");
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "短信上行未启用", "短信上行回调尚未配置共享密钥。",
                    List.of());
        }
        Instant now = clock.instant();
        Instant sent = parseSeconds(timestamp);
        if (sent == null || Duration.between(sent, now).abs().compareTo(properties.window()) > 0) {
            log.warn("SMS gateway callback refused: timestamp missing or outside the {} window", properties.window());
            throw refused("时间戳缺失或超出允许的时间窗口");
        }
        byte[] expected = sign(timestamp.strip(), body);
        byte[] given = parseHex(signature);
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            log.warn("SMS gateway callback refused: bad signature");
            throw refused("签名无效");
        }
        jdbc.sql("DELETE FROM sms_gateway_callback WHERE received_at < ?")
                .param(Timestamp.from(now.minus(properties.window().multipliedBy(2)))).update();
        try {
            jdbc.sql("INSERT INTO sms_gateway_callback (signature, received_at) VALUES (?, ?)")
                    .params(HexFormat.of().formatHex(expected), Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            log.warn("SMS gateway callback refused: replayed");
            throw new ApiProblemException(HttpStatus.CONFLICT, "重复的回调", "该短信上行回调已处理，不再重复处理。", List.of());
        }
    }

    private byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
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
