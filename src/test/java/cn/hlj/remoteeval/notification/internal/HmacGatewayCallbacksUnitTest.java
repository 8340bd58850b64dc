package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

import cn.hlj.remoteeval.notification.GatewayCallbacks.Gateway;
import cn.hlj.remoteeval.web.ApiProblemException;

/** Each gateway is configured under its own prefix: one without a secret refuses every call, the other is unaffected. */
class HmacGatewayCallbacksUnitTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aGatewayWithoutItsOwnSecretRefusesEveryCallWith503AndNamesItselfOnly() {
        HmacGatewayCallbacks callbacks = new HmacGatewayCallbacks(binder(Map.of("remote-eval.sms.inbound.secret", "s")), null,
                CLOCK);

        assertThatThrownBy(() -> callbacks.admit(Gateway.VOICE, "1796112000", "00", new byte[0]))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.title()).isEqualTo("语音按键回调未启用");
                });
        // The SMS gateway has its secret: the same call gets as far as the timestamp check.
        assertThatThrownBy(() -> callbacks.admit(Gateway.SMS, "1", "00", new byte[0]))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void aWindowThatIsNotPositiveIsRefusedAtStartNamingItsKey() {
        assertThatThrownBy(() -> new HmacGatewayCallbacks(binder(Map.of("remote-eval.voice.inbound.window", "PT0S")), null,
                CLOCK)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remote-eval.voice.inbound.window");
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}
