package cn.hlj.remoteeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * One example per kind of bad input that {@link ApiFuzzIntegrationTest} found answered with a 5xx, or
 * with something other than a problem, so that a regression is named: each answer is a 4xx, in
 * problem+json under {@code /api} and in Camunda's error shape under {@code /engine-rest}.
 */
@RemoteEvalIntegrationTest
class RefusedInputIntegrationTest {

    private static final String HEADER = "工位编号,房间,支持跨省,音视频设备说明";

    @LocalServerPort
    private int port;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private RuntimeService runtime;

    @Autowired
    private TaskService tasks;

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private RawHttp.Response send(RawHttp.Request request) {
        return new RawHttp(port).send(request);
    }

    private JsonNode problem(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("detail").asText()).as(response.text()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }

    private JsonNode camundaError(RawHttp.Response response, int status) throws Exception {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).as(response.text()).startsWith("application/json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(body.path("message").asText()).as(response.text()).isNotBlank();
        return body;
    }

    @Test
    void aPathTomcatCannotDecodeIsAProblemUnderApiAndCamundasErrorUnderEngineRest() throws Exception {
        problem(send(RawHttp.Request.of("GET", "/api/tenders/%zz").basic("staff-hrb")), 400);
        problem(send(RawHttp.Request.of("GET", "/api/tenders/a%2Fb").basic("staff-hrb")), 400);
        camundaError(send(RawHttp.Request.of("GET", "/engine-rest/task/%zz").basic("staff-hrb")), 400);
    }

    @Test
    void aQueryWithCharactersTomcatRefusesIsAProblem() throws Exception {
        problem(send(RawHttp.Request.of("GET", "/api/tenders?a[b]=1").basic("staff-hrb")), 400);
    }

    @Test
    void aRequestLineOverTomcatsLimitIsAProblem() throws Exception {
        RawHttp.Response response = send(RawHttp.Request.of("GET", "/api/tenders?q=" + "x".repeat(20_000)).basic("staff-hrb"));
        assertThat(response.status()).isBetween(400, 499);
        problem(response, response.status());
    }

    @Test
    void aRequestTheFirewallRefusesIsAProblemUnderApiAndCamundasErrorUnderEngineRest() throws Exception {
        problem(send(RawHttp.Request.of("FOO", "/api/tenders").basic("staff-hrb")), 400);
        problem(send(RawHttp.Request.of("GET", "/api/tenders//x").basic("staff-hrb")), 400);
        camundaError(send(RawHttp.Request.of("FOO", "/engine-rest/task").basic("staff-hrb")), 400);
    }

    @Test
    void aMalformedPercentEscapeInTheQueryIsRefusedBeforeJerseyOrSpringReadsIt() throws Exception {
        JsonNode engine = camundaError(send(RawHttp.Request.of("GET", "/engine-rest/task?name=%zz").basic("staff-hrb")), 400);
        assertThat(engine.path("message").asText()).contains("%");
        problem(send(RawHttp.Request.of("GET", "/api/tenders?name=%zz").basic("staff-hrb")), 400);
    }

    @Test
    void aWildcardContentTypeIs415() throws Exception {
        problem(send(RawHttp.Request.of("POST", "/api/tenders").basic("staff-hrb").body("*/*",
                "{}".getBytes(StandardCharsets.UTF_8))), 415);
    }

    @Test
    void anAcceptHeaderTheApiCannotServeStillGetsAProblem() throws Exception {
        JsonNode body = problem(send(RawHttp.Request.of("GET", "/api/specialties").basic("staff-hrb")
                .header("Accept", "image/png")), 406);
        assertThat(body.path("detail").asText()).contains("application/json");
    }

    @Test
    void anUploadOverTheLimitIs413NamingTheLimit() throws Exception {
        byte[] content = new byte[64 * 1024 * 1024 + 1024];
        RawHttp.Response response = send(multipart("/api/experts/import", "pool-admin", "big.csv", content));
        JsonNode body = problem(response, 413);
        assertThat(body.path("detail").asText()).contains("64 MB");
    }

    @Test
    void aWorkbookThatInflatesBeyondTheInMemoryLimitIs413() throws Exception {
        FuzzUploads uploads = new FuzzUploads(1024);
        JsonNode body = problem(send(multipart("/api/centers/HRB/workstations/import", "staff-hrb", "bomb.xlsx",
                uploads.rowBomb())), 413);
        assertThat(body.path("detail").asText()).contains("64 MB");
        JsonNode bomb = problem(send(multipart("/api/centers/HRB/workstations/import", "staff-hrb", "bomb.xlsx",
                uploads.spaceBomb())), 413);
        assertThat(bomb.path("errors").get(0).path("field").asText()).isEqualTo("file");
    }

    @Test
    void aCsvRowLongerThanTheLimitIs413AndGbkIs400() throws Exception {
        byte[] longRow = (HEADER + "\n" + "x".repeat(70_000) + ",a,是,b\n").getBytes(StandardCharsets.UTF_8);
        JsonNode body = problem(send(multipart("/api/centers/HRB/workstations/import", "staff-hrb", "t.csv", longRow)), 413);
        assertThat(body.path("detail").asText()).contains("65536");
        byte[] gbk = (HEADER + "\nHRB-X,房间,是,说明\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        JsonNode refused = problem(send(multipart("/api/centers/HRB/workstations/import", "staff-hrb", "t.csv", gbk)), 400);
        assertThat(refused.path("errors").get(0).path("message").asText()).contains("UTF-8");
    }

    @Test
    void aFormulaCellIsTextToTheImportAndRefusedByItsColumnRule() throws Exception {
        byte[] workbook = FuzzUploads.workbook(List.of("工位编号", "房间", "支持跨省", "音视频设备说明"),
                List.of(List.of("HRB-F1", "=HYPERLINK(\"http://evil.example\",\"x\")", "=cmd|' /C calc'!A0", "说明")), true);
        JsonNode body = problem(send(multipart("/api/centers/HRB/workstations/import", "staff-hrb", "f.xlsx", workbook)), 400);
        assertThat(body.path("errors").toString()).contains("支持跨省");
    }

    @Test
    void aMultipartBodyCutShortIsA400Problem() throws Exception {
        byte[] cut = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n\r\n" + HEADER)
                .getBytes(StandardCharsets.UTF_8);
        problem(send(RawHttp.Request.of("POST", "/api/centers/HRB/workstations/import").basic("staff-hrb")
                .body("multipart/form-data; boundary=b", cut)), 400);
    }

    @Test
    void aTaskThatDoesNotExistIs404NotCamundas500() throws Exception {
        String missing = "00000000-0000-0000-0000-000000000000";
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + missing + "/complete").basic("staff-prov")
                .json("{\"variables\":{}}")), 404);
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + missing + "/submit-form").basic("staff-prov")
                .json("{\"variables\":{}}")), 404);
        camundaError(send(RawHttp.Request.of("GET", "/engine-rest/task/" + missing + "/variables").basic("staff-prov")), 404);
        camundaError(send(RawHttp.Request.of("GET", "/engine-rest/task/" + missing + "/deployed-form").basic("staff-prov")), 404);
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + missing + "/claim").basic("staff-prov")
                .json("{\"userId\":\"staff-prov\"}")), 404);
    }

    @Test
    void aFormSubmittedWithAWronglyTypedVariableIs400AndTheTaskStaysOpen() throws Exception {
        String task = ownTask();

        for (String value : List.of("{\"value\":\"not a boolean\",\"type\":\"Boolean\"}", "{\"value\":1e999,\"type\":\"Integer\"}")) {
            camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + task + "/submit-form").basic("staff-prov")
                    .json("{\"variables\":{\"capacityReviewed\":" + value + "}}")), 400);
        }

        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void aMissingOrNullBodyOnATaskEndpointIs400() throws Exception {
        String task = ownTask();
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + task + "/claim").basic("staff-prov")
                .json("null")), 400);
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + task + "/resolve").basic("demo")
                .json("{\"variables\":{\"f\":{\"value\":\"x\",\"type\":\"\"}}}")), 400);
    }

    @Test
    void claimingATaskSomebodyElseClaimedIs409() throws Exception {
        String task = ownTask();
        assertThat(send(RawHttp.Request.of("POST", "/engine-rest/task/" + task + "/claim").basic("staff-prov")
                .json("{\"userId\":\"staff-prov\"}")).status()).isEqualTo(204);
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + task + "/claim").basic("demo")
                .json("{\"userId\":\"demo\"}")), 409);
    }

    @Test
    void aBodyBeyondJacksonsReadConstraintsIs400OnTheEngineRestApi() throws Exception {
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/create").basic("demo")
                .json("{\"name\": " + "9".repeat(5000) + "}")), 400);
    }

    @Test
    void deletingATaskOfARunningProcessIs400() throws Exception {
        String task = ownTask();
        camundaError(send(RawHttp.Request.of("DELETE", "/engine-rest/task/" + task).basic("demo")), 400);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void aVariableOfATypeNoSerializerHandlesIs400() throws Exception {
        String task = ownTask();
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + task + "/resolve").basic("staff-prov")
                .json("{\"variables\":{\"note\":{\"value\":\"x\",\"type\":\"Xml\"}}}")), 400);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void anEscalationTheTasksModelDoesNotCatchIs400() throws Exception {
        String task = ownTask();
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + task + "/bpmnEscalation").basic("staff-prov")
                .json("{\"escalationCode\":\"nothing-catches-this\",\"variables\":{}}")), 400);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void anIdentityLinkTypeLongerThanItsColumnIs400() throws Exception {
        String task = ownTask();
        camundaError(send(RawHttp.Request.of("POST", "/engine-rest/task/" + task + "/identity-links/delete").basic("demo")
                .json("{\"userId\":\"demo\",\"type\":\"" + "x".repeat(1_000) + "\"}")), 400);
    }

    @Test
    void aRefusedSkipOfAPartnersSequenceLeavesNoCounterBehind() throws Exception {
        java.util.Random random = new java.util.Random();
        String partner = "ZQ" + random.ints(4, 'A', 'Z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append);
        problem(send(RawHttp.Request.of("POST", "/api/exchange/partners/" + partner + "/skip").basic("demo")
                .json("{\"sequence\":5}")), 409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_peer_sequence WHERE peer = ?").param(partner).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aSkipForSomethingThatIsNoProvinceCodeIs404AndLeavesNoCounterBehind() throws Exception {
        String notAPartner = java.util.UUID.randomUUID().toString();
        problem(send(RawHttp.Request.of("POST", "/api/exchange/partners/" + notAPartner + "/skip").basic("demo")
                .json("{\"sequence\":1}")), 404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_peer_sequence WHERE peer LIKE ?").param(notAPartner.substring(0, 8)
                .toUpperCase(java.util.Locale.ROOT) + "%").query(Long.class).single()).isZero();
    }

    private String ownTask() {
        String instance = runtime.createProcessInstanceByKey("cross-province-capacity-check")
                .startBeforeActivity("ReviewCrossProvinceCapacity").setVariable("shortfallCount", 1)
                .setVariable("shortfallReport", "refused input").execute().getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static RawHttp.Request multipart(String path, String user, String fileName, byte[] content) {
        String boundary = "refused-input-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return RawHttp.Request.of("POST", path).basic(user).body("multipart/form-data; boundary=" + boundary, body);
    }
}
