package cn.hlj.remoteeval.notification.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-eval.sms.*}. Checked when the application starts, so that a typo in the gateway
 * name or a back-off that never grows stops it instead of failing every message later.
 */
@ConfigurationProperties("remote-eval.sms")
record SmsProperties(@DefaultValue("file") String gateway, @DefaultValue("./data/sms/sent.jsonl") Path file,
        @DefaultValue("true") boolean dispatchEnabled, @DefaultValue("PT5S") Duration dispatchInterval,
        @DefaultValue("50") int batchSize, @DefaultValue("PT2M") Duration claimTimeout,
        @DefaultValue Retry retry, @DefaultValue Http http) {

    static final String FILE = "file";
    static final String HTTP = "http";

    SmsProperties {
        if (!FILE.equals(gateway) && !HTTP.equals(gateway)) {
            throw new IllegalArgumentException("remote-eval.sms.gateway must be 'file' or 'http', not '" + gateway + "'");
        }
        positive("dispatch-interval", dispatchInterval);
        positive("claim-timeout", claimTimeout);
        if (batchSize < 1) {
            throw new IllegalArgumentException("remote-eval.sms.batch-size must be at least 1");
        }
        if (HTTP.equals(gateway)) {
            if (http.url() == null) {
                throw new IllegalArgumentException("remote-eval.sms.http.url is required with remote-eval.sms.gateway=http");
            }
            // A claim that expires while the gateway still answers lets another node send the same message.
            if (claimTimeout.compareTo(http.connectTimeout().plus(http.requestTimeout())) <= 0) {
                throw new IllegalArgumentException(
                        "remote-eval.sms.claim-timeout must exceed http.connect-timeout + http.request-timeout");
            }
        }
    }

    /** Back-off after a failed attempt: initial × multiplier^(attempts − 1), capped; FAILED after max-attempts. */
    record Retry(@DefaultValue("PT30S") Duration initialBackoff, @DefaultValue("2") double multiplier,
            @DefaultValue("PT30M") Duration maxBackoff, @DefaultValue("8") int maxAttempts) {

        Retry {
            positive("retry.initial-backoff", initialBackoff);
            positive("retry.max-backoff", maxBackoff);
            if (multiplier < 1) {
                throw new IllegalArgumentException("remote-eval.sms.retry.multiplier must be at least 1");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("remote-eval.sms.retry.max-attempts must be at least 1");
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("remote-eval.sms.retry.max-backoff must not be below initial-backoff");
            }
        }

        RetryPolicy policy() {
            return new RetryPolicy(initialBackoff, multiplier, maxBackoff, maxAttempts);
        }
    }

    /** The HTTP gateway: Basic credentials and an API key are both optional and may be combined. */
    record Http(String url, String username, String password, String apiKey,
            @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT20S") Duration requestTimeout) {

        Http {
            positive("http.connect-timeout", connectTimeout);
            positive("http.request-timeout", requestTimeout);
            url = blankToNull(url);
            if (url != null) {
                URI uri;
                try {
                    uri = URI.create(url.strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("remote-eval.sms.http.url is not a valid URL");
                }
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                        || uri.getHost() == null) {
                    throw new IllegalArgumentException("remote-eval.sms.http.url must be an absolute http(s) URL");
                }
            }
            username = blankToNull(username);
            password = blankToNull(password);
            apiKey = blankToNull(apiKey);
            if (password != null && username == null) {
                throw new IllegalArgumentException("remote-eval.sms.http.password is set without http.username");
            }
        }

        URI uri() {
            return url == null ? null : URI.create(url.strip());
        }

        /** Keeps the secrets out of anything that prints the configuration. */
        @Override
        public String toString() {
            return "Http[url=" + url + ", username=" + username + ", password=" + (password == null ? null : "***")
                    + ", apiKey=" + (apiKey == null ? null : "***") + ", connectTimeout=" + connectTimeout
                    + ", requestTimeout=" + requestTimeout + "]";
        }
    }

    private static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("remote-eval.sms." + property + " must be a positive duration");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
