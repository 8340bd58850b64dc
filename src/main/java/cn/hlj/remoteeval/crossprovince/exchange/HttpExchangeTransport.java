package cn.hlj.remoteeval.crossprovince.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Delivers over HTTP(S) to {@code POST …/exchange/v1/messages} and reads the answer of message set 1
 * (202/200 accepted, 400/413/422 refused with a reason); anything else (no connection, 5xx, 429, a
 * proxy's 404) is "try again later". Plain {@code http://} only where configured (two instances on one
 * machine): between provinces the message crosses public networks.
 */
class HttpExchangeTransport implements ExchangeTransport {

    private final HttpClient client;
    private final ExchangeDeliveryProperties properties;
    private final ObjectMapper json;

    HttpExchangeTransport(HttpClient client, ExchangeDeliveryProperties properties, ObjectMapper json) {
        this.client = client;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Delivery deliver(URI endpoint, byte[] message) {
        if (!"https".equalsIgnoreCase(endpoint.getScheme()) && !properties.plainHttpAllowed()) {
            return new Unavailable("接收地址不是 https，而本节点不允许明文 http（remote-eval.exchange.delivery.plain-http-allowed）");
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(properties.requestTimeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(message)).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Unavailable("无法连接：" + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("发送被中断");
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status == 200 || status == 202) {
            return new Accepted(answer.path("answer").asText(""), answer.path("duplicate").asBoolean(status == 200));
        }
        if (status == 400 || status == 413 || status == 422) {
            return new Refused(status, answer.path("reason").asText(status == 413 ? "MALFORMED" : "UNKNOWN"),
                    answer.path("detail").asText(""));
        }
        return new Unavailable("对方答复 HTTP " + status);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
