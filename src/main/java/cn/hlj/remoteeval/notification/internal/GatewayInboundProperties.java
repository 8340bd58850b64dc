package cn.hlj.remoteeval.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-eval.<gateway>.inbound.*}: the secret shared with a gateway for its callbacks, and how
 * far a callback's timestamp may stray from this node's clock (either way). One shape for every
 * gateway, bound under each gateway's own prefix.
 */
record GatewayInboundProperties(String secret, @DefaultValue("PT5M") Duration window) {

    GatewayInboundProperties {
        secret = secret == null || secret.isBlank() ? null : secret;
    }

    static GatewayInboundProperties bind(Binder binder, String prefix) {
        GatewayInboundProperties properties = binder.bindOrCreate(prefix, Bindable.of(GatewayInboundProperties.class));
        if (properties.window().isNegative() || properties.window().isZero()) {
            throw new IllegalArgumentException(prefix + ".window must be positive");
        }
        return properties;
    }
}
