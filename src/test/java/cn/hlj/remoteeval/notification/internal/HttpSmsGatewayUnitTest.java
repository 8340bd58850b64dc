package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** The HTTP adapter against a local server on an ephemeral port. */
class HttpSmsGatewayUnitTest {

    private static final OutgoingSms SMS = new OutgoingSms("outbox-1", "expert-notice-42", "13912345678",
            "请于2031年3月5日上午8:30到哈尔滨市公共资源交易中心参加评标。");

    private record Received(String method, String path, Headers headers, JsonNode body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String reply = "";
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), new ObjectMapper().readTree(body)));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    private HttpSmsGateway gateway(String username, String password, String apiKey) {
        return new HttpSmsGateway(new SmsProperties.Http(url(), username, password, apiKey, Duration.ofSeconds(2),
                Duration.ofMillis(800)));
    }

    @Test
    void postsTheMessageAsJsonWithBasicAuthApiKeyAndIdempotencyKey() {
        reply = "{\"messageId\":\"gw-778\",\"status\":\"queued\"}";

        GatewayResult result = gateway("eval", "s3cret", "key-123").send(SMS);

        assertThat(result).isEqualTo(new GatewayResult.Sent("gw-778"));
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/sms");
        assertThat(request.body().get("to").asText()).isEqualTo("13912345678");
        assertThat(request.body().get("text").asText()).isEqualTo(SMS.text());
        assertThat(request.body().get("idempotencyKey").asText()).isEqualTo("expert-notice-42");
        assertThat(request.body().size()).isEqualTo(3);
        assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("expert-notice-42");
        assertThat(request.headers().getFirst("Authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString("eval:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.headers().getFirst("X-Api-Key")).isEqualTo("key-123");
        assertThat(request.headers().getFirst("Content-Type")).startsWith("application/json");
    }

    @Test
    void sendsNoCredentialHeaderThatIsNotConfigured() {
        gateway(null, null, "only-key").send(SMS);
        gateway("only-user", "pw", null).send(SMS);

        assertThat(received.get(0).headers().containsKey("Authorization")).isFalse();
        assertThat(received.get(0).headers().getFirst("X-Api-Key")).isEqualTo("only-key");
        assertThat(received.get(1).headers().containsKey("X-Api-Key")).isFalse();
        assertThat(received.get(1).headers().getFirst("Authorization")).startsWith("Basic ");
    }

    @Test
    void aSuccessWithoutAMessageIdIsStillSent() {
        status = 202;
        reply = "accepted";

        assertThat(gateway(null, null, null).send(SMS)).isEqualTo(new GatewayResult.Sent(null));
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 429 })
    void serverErrorsAndRateLimitsAreRetried(int code) {
        status = code;

        assertThat(gateway(null, null, null).send(SMS)).isEqualTo(new GatewayResult.Retryable("HTTP " + code));
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 401, 403, 404, 422 })
    void otherClientErrorsFailAtOnce(int code) {
        status = code;
        reply = "{\"error\":\"invalid number 13912345678\"}";

        GatewayResult result = gateway(null, null, null).send(SMS);

        assertThat(result).isEqualTo(new GatewayResult.Permanent("HTTP " + code));
        assertThat(result.toString()).doesNotContain("13912345678");
    }

    @Test
    void aTimeoutIsRetried() {
        delayMillis = 2_000;

        GatewayResult result = gateway(null, null, null).send(SMS);

        assertThat(result).isInstanceOf(GatewayResult.Retryable.class);
        assertThat(((GatewayResult.Retryable) result).reason()).isEqualTo("http: HttpTimeoutException");
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpSmsGateway gateway = new HttpSmsGateway(new SmsProperties.Http("http://127.0.0.1:" + closedPort + "/sms",
                null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1)));

        assertThat(gateway.send(SMS)).isInstanceOf(GatewayResult.Retryable.class);
    }
}
