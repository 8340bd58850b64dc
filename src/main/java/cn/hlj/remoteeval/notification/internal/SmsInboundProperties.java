package cn.hlj.remoteeval.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-eval.sms.inbound.*}: the secret shared with the SMS gateway for its reply callbacks,
 * and how far a callback's timestamp may stray from this node's clock (either way).
 */
@ConfigurationProperties("remote-eval.sms.inbound")
record SmsInboundProperties(String secret, @DefaultValue("PT5M") Duration window) {

    SmsInboundProperties {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("remote-eval.sms.inbound.window must be positive");
        }
        secret = secret == null || secret.isBlank() ? null : secret;
    }
}
