package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmsPropertiesUnitTest {

    private static final SmsProperties.Retry RETRY = new SmsProperties.Retry(Duration.ofSeconds(30), 2,
            Duration.ofMinutes(30), 8);

    private static SmsProperties.Http http(String url) {
        return new SmsProperties.Http(url, "user", "secret-pw", "secret-key", Duration.ofSeconds(5),
                Duration.ofSeconds(20));
    }

    private static SmsProperties properties(String gateway, SmsProperties.Http http, Duration claimTimeout) {
        return new SmsProperties(gateway, Path.of("sent.jsonl"), true, Duration.ofSeconds(5), 50, claimTimeout, RETRY,
                http);
    }

    @Test
    void acceptsTheDefaultsOfBothGateways() {
        assertThat(properties("file", http(null), Duration.ofMinutes(2)).gateway()).isEqualTo("file");
        assertThat(properties("http", http("https://sms.example.cn/send"), Duration.ofMinutes(2)).http().uri())
                .hasHost("sms.example.cn");
    }

    @Test
    void refusesAnUnknownGateway() {
        assertThatThrownBy(() -> properties("smtp", http(null), Duration.ofMinutes(2)))
                .hasMessageContaining("remote-eval.sms.gateway");
    }

    @Test
    void theHttpGatewayNeedsAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> properties("http", http(""), Duration.ofMinutes(2)))
                .hasMessageContaining("remote-eval.sms.http.url");
        assertThatThrownBy(() -> properties("http", http("ftp://sms.example.cn"), Duration.ofMinutes(2)))
                .hasMessageContaining("remote-eval.sms.http.url");
    }

    @Test
    void aClaimMustOutlastAnHttpRequest() {
        assertThatThrownBy(() -> properties("http", http("https://sms.example.cn/send"), Duration.ofSeconds(25)))
                .hasMessageContaining("claim-timeout");
    }

    @Test
    void refusesABackOffThatWouldShrinkOrNeverGiveUp() {
        assertThatThrownBy(() -> new SmsProperties.Retry(Duration.ofSeconds(30), 0.5, Duration.ofMinutes(30), 8))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new SmsProperties.Retry(Duration.ofSeconds(30), 2, Duration.ofMinutes(30), 0))
                .hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> new SmsProperties.Retry(Duration.ofMinutes(5), 2, Duration.ofMinutes(1), 8))
                .hasMessageContaining("max-backoff");
    }

    @Test
    void theHttpSettingsNeverPrintTheirSecrets() {
        assertThat(http("https://sms.example.cn/send").toString()).doesNotContain("secret-pw")
                .doesNotContain("secret-key");
    }
}
