package cn.hlj.remoteeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** Over real HTTP, because the engine REST API is a servlet of its own, outside Spring MVC. */
@RemoteEvalIntegrationTest
class SecurityIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,  /api/tenders/any",
            "POST, /api/tenders",
            "GET,  /api/centers",
            "GET,  /api/audit/tenders/any",
            "GET,  /engine-rest/process-instance",
            "GET,  /engine-rest/history/variable-instance",
            "POST, /engine-rest/decision-definition/key/scope-decision/evaluate",
            "GET,  /actuator/prometheus" })
    void answersUnauthorizedWithoutCredentials(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void answersUnauthorizedForAWrongPassword() throws Exception {
        assertThat(send("GET", "/api/centers", "supervisor-hh:wrong").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/engine-rest/process-instance", "supervisor-dxal:wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void apiUnauthorizedAnswerIsAProblemInChinese() throws Exception {
        HttpResponse<String> response = send("GET", "/api/centers", null);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("需要登录");
    }

    @Test
    void healthIsOpenAndMetricsAreForOperatorsOnly() throws Exception {
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", "staff-hrb:staff-hrb").statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", "demo:demo");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void authenticatedCallsGetThrough() throws Exception {
        assertThat(send("GET", "/api/centers", "staff-hrb:staff-hrb").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/engine-rest/process-definition", "demo:demo").statusCode()).isEqualTo(200);
    }

    @Test
    void engineRestShowsNothingToStaffWithoutAuthorizations() throws Exception {
        HttpResponse<String> response = send("GET", "/engine-rest/process-instance", "staff-hrb:staff-hrb");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void errorsNeverCarryStackTracesOrSql() throws Exception {
        HttpResponse<String> api = send("GET", "/api/tenders/%27%20OR%201=1", "staff-hrb:staff-hrb");
        HttpResponse<String> engine = send("GET", "/engine-rest/process-instance/nope", "demo:demo");
        HttpResponse<String> unknown = send("GET", "/api/nothing-here", "staff-hrb:staff-hrb");

        for (HttpResponse<String> response : java.util.List.of(api, engine, unknown)) {
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("\tat ").doesNotContain("SELECT").doesNotContain("select ")
                    .doesNotContain("SQLException");
        }
    }

    private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json");
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
