package cn.hlj.remoteeval.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** DESIGN.md §4: the scope decision is evaluable on its own through the engine REST API. */
@RemoteEvalIntegrationTest
class ScopeDecisionEngineRestIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "CONSTRUCTION, 100000000,   CROSS_PROVINCE, CONSTRUCTION_THRESHOLD",
            "CONSTRUCTION, 99999999.99, INTRA_PROVINCE, BELOW_THRESHOLDS",
            "SERVICES,     10000000,    CROSS_PROVINCE, SERVICES_THRESHOLD" })
    void evaluatesTheDecisionOnItsOwn(String category, String price, String scope, String reason) throws Exception {
        String body = """
                {"variables": {
                  "category": {"value": "%s", "type": "String"},
                  "estimatedPrice": {"value": %s, "type": "Double"},
                  "constructionPart": {"value": null, "type": "Null"},
                  "goodsPart": {"value": null, "type": "Null"},
                  "servicesPart": {"value": null, "type": "Null"},
                  "expertShortage": {"value": false, "type": "Boolean"},
                  "regulationRequiresCrossProvince": {"value": false, "type": "Boolean"}}}
                """.formatted(category, price);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/engine-rest/decision-definition/key/scope-decision/evaluate"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode results = new ObjectMapper().readTree(response.body());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("scope").get("value").asText()).isEqualTo(scope);
        assertThat(results.get(0).get("reason").get("value").asText()).isEqualTo(reason);
    }
}
