package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.hlj.remoteeval.notification.GatewayCallbacks.Gateway;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Each gateway is configured under its own prefix: one without a secret refuses every call, the other
 * is unaffected. A call counts as heard only once its handling returned (on an in-memory database with
 * the gateway's real table).
 */
class HmacGatewayCallbacksUnitTest {

    private static final String SECRET = "gateway-secret";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aGatewayWithoutItsOwnSecretRefusesEveryCallWith503AndNamesItselfOnly() {
        HmacGatewayCallbacks callbacks = new HmacGatewayCallbacks(binder(Map.of("remote-eval.sms.inbound.secret", "s")), null,
                CLOCK);

        assertThatThrownBy(() -> callbacks.admit(Gateway.VOICE, "1796112000", "00", new byte[0], () -> "heard"))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.title()).isEqualTo("语音按键回调未启用");
                });
        // The SMS gateway has its secret: the same call gets as far as the timestamp check.
        assertThatThrownBy(() -> callbacks.admit(Gateway.SMS, "1", "00", new byte[0], () -> "heard"))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void aWindowThatIsNotPositiveIsRefusedAtStartNamingItsKey() {
        assertThatThrownBy(() -> new HmacGatewayCallbacks(binder(Map.of("remote-eval.voice.inbound.window", "PT0S")), null,
                CLOCK)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remote-eval.voice.inbound.window");
    }

    @Test
    void aCallWhoseHandlingFailedIsHeardWhenTheGatewaySendsItAgainAndOnlyThenRefusedAsAReplay() throws IOException {
        HmacGatewayCallbacks callbacks = new HmacGatewayCallbacks(binder(Map.of("remote-eval.sms.inbound.secret", SECRET)),
                smsTable(), CLOCK);
        byte[] body = "{\"from\":\"13800000000\",\"text\":\"1 ABC123\"}".getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(CLOCK.instant().getEpochSecond());
        String signature = sign(timestamp, body);
        AtomicInteger handled = new AtomicInteger();

        // The node's database went away (or the node died) while the answer was being recorded.
        assertThatThrownBy(() -> callbacks.admit(Gateway.SMS, timestamp, signature, body, () -> {
            handled.incrementAndGet();
            throw new IllegalStateException("connection lost");
        })).isInstanceOf(IllegalStateException.class);
        // A refusal of the body by the handler is no answer either.
        assertThatThrownBy(() -> callbacks.admit(Gateway.SMS, timestamp, signature, body, () -> {
            handled.incrementAndGet();
            throw ApiProblemException.invalid("text", "不能为空");
        })).isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));

        assertThat(callbacks.admit(Gateway.SMS, timestamp, signature, body, () -> "ACCEPTED#" + handled.incrementAndGet()))
                .isEqualTo("ACCEPTED#3");
        assertThatThrownBy(() -> callbacks.admit(Gateway.SMS, timestamp, signature, body, handled::incrementAndGet))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(handled).hasValue(3);
    }

    @Test
    void aCallWithAWrongSignatureIsNeitherHandledNorRemembered() throws IOException {
        JdbcClient jdbc = smsTable();
        HmacGatewayCallbacks callbacks = new HmacGatewayCallbacks(binder(Map.of("remote-eval.sms.inbound.secret", SECRET)), jdbc,
                CLOCK);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(CLOCK.instant().getEpochSecond());
        AtomicInteger handled = new AtomicInteger();

        assertThatThrownBy(() -> callbacks.admit(Gateway.SMS, timestamp, sign(timestamp, "{ }".getBytes(StandardCharsets.UTF_8)),
                body, handled::incrementAndGet))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED));

        assertThat(handled).hasValue(0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_gateway_callback").query(Long.class).single()).isZero();
    }

    /** The gateway's table as its migration creates it, in a database of this test's own. */
    private static JdbcClient smsTable() throws IOException {
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                "jdbc:h2:mem:callbacks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        String ddl = new ClassPathResource("db/migration/V30__sms_gateway_callback.sql").getContentAsString(StandardCharsets.UTF_8);
        for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        return jdbc;
    }

    private static String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
