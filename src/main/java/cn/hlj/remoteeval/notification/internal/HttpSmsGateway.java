package cn.hlj.remoteeval.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An SMS provider behind an HTTP endpoint: POST {@code {"to","text","idempotencyKey"}} as JSON,
 * with the key also in an {@code Idempotency-Key} header, HTTP Basic and/or an {@code X-Api-Key}.
 * 2xx is sent; 429 and 5xx, timeouts and I/O errors are retried; any other 4xx is a request the
 * provider will never accept (bad number, bad credentials), so retrying would only repeat it.
 * Response bodies are never logged or kept: a provider may echo the number.
 */
class HttpSmsGateway implements SmsGateway {

    /** Enough for any reply that carries a message id; a larger body is cut, not buffered whole. */
    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final SmsProperties.Http config;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();
    private final String authorization;

    HttpSmsGateway(SmsProperties.Http config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.authorization = config.username() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(
                        (config.username() + ":" + (config.password() == null ? "" : config.password()))
                                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public GatewayResult send(OutgoingSms sms) {
        HttpRequest request;
        try {
            request = request(sms);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new GatewayResult.Permanent("request: " + e.getClass().getSimpleName());
        }
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_RESPONSE_BYTES);
            }
        } catch (IOException e) {
            return new GatewayResult.Retryable("http: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GatewayResult.Retryable("http: interrupted");
        }
        return classify(response.statusCode(), body);
    }

    private HttpRequest request(OutgoingSms sms) throws JsonProcessingException {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("to", sms.mobile());
        payload.put("text", sms.text());
        payload.put("idempotencyKey", sms.idempotencyKey());
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.uri()).timeout(config.requestTimeout())
                .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "application/json")
                .header("Idempotency-Key", sms.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (config.apiKey() != null) {
            builder.header("X-Api-Key", config.apiKey());
        }
        return builder.build();
    }

    private GatewayResult classify(int status, byte[] body) {
        if (status >= 200 && status < 300) {
            return new GatewayResult.Sent(messageId(body));
        }
        String reason = "HTTP " + status;
        if (status == 429 || status >= 500) {
            return new GatewayResult.Retryable(reason);
        }
        if (status >= 400) {
            return new GatewayResult.Permanent(reason);
        }
        // 1xx/3xx: the endpoint is misconfigured or moved; an operator can fix that before the attempts run out.
        return new GatewayResult.Retryable(reason);
    }

    /** The provider's id from a JSON field messageId, when the reply has one. */
    private String messageId(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode id = node == null ? null : node.get("messageId");
            return id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
        } catch (IOException notJson) {
            return null;
        }
    }
}
