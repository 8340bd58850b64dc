package cn.hlj.remoteeval.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** Over real HTTP, because the engine REST API is a servlet of its own, outside Spring MVC. */
@RemoteEvalIntegrationTest
class SecurityIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;

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
    void aUserWithoutAPasswordAsKeycloakMirrorsThemIsRefusedNotAnError() throws Exception {
        String userId = "sso-" + UUID.randomUUID().toString().substring(0, 8);
        User mirrored = identity.newUser(userId);
        mirrored.setFirstName("单点");
        identity.saveUser(mirrored);
        try {
            assertThat(send("GET", "/api/centers", userId + ":anything").statusCode()).isEqualTo(401);
            assertThat(send("GET", "/engine-rest/process-instance", userId + ":").statusCode()).isEqualTo(401);
        } finally {
            identity.deleteUser(userId);
        }
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
    void engineRestShowsATendererNothingAndStaffOnlyTheInstancesTheirGroupsWorkIn() throws Exception {
        HttpResponse<String> tenderer = send("GET", "/engine-rest/process-instance", "tenderer:tenderer");
        assertThat(tenderer.statusCode()).isEqualTo(200);
        assertThat(tenderer.body()).isEqualTo("[]");

        HttpResponse<String> staff = send("GET", "/engine-rest/process-instance?maxResults=1000", "staff-hrb:staff-hrb");
        assertThat(staff.statusCode()).isEqualTo(200);
        for (JsonNode instance : json.readTree(staff.body())) {
            String id = instance.get("id").asText();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 8 AND RESOURCE_ID_ = ? "
                    + "AND (GROUP_ID_ = 'staff-HRB' OR GROUP_ID_ LIKE 'venue-%')").param(id).query(Long.class).single())
                    .as("staff-hrb reads instance %s only through a grant to a group of theirs", id).isPositive();
        }
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
