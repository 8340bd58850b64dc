package cn.hlj.remoteeval.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** Policy 四: PROV, HRB and QQHR keep at least 10 usable cross-province workstations on every date. */
@RemoteEvalIntegrationTest
class CrossProvinceCapacityIntegrationTest {

    private static final String PROCESS = "cross-province-capacity-check";

    @Autowired
    Api api;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void outagesThatPushAPermanentSubVenueBelowTenAreFlaggedOnThoseDatesOnly() throws Exception {
        LocalDate day = FarDates.next();
        String range = "?from=" + day.minusDays(1) + "&to=" + day.plusDays(1);
        assertThat(api.read(api.get("staff-prov", "/api/workstations/cross-province-shortfalls" + range))).isEmpty();
        List<String> cross = new ArrayList<>();
        for (JsonNode w : api.read(api.get("staff-qqhr", "/api/centers/QQHR/workstations"))) {
            if (w.get("crossProvince").asBoolean()) {
                cross.add(w.get("code").asText());
            }
        }
        assertThat(cross).hasSizeGreaterThanOrEqualTo(10);
        List<String> outages = new ArrayList<>();
        for (String code : cross.subList(0, cross.size() - 9)) {
            JsonNode outage = api.read(api.post("staff-qqhr", "/api/centers/QQHR/workstations/" + code + "/outages",
                    api.map("from", day.toString(), "to", day.toString(), "reason", "跨省专线割接"))
                    .andExpect(status().isCreated()));
            outages.add("/api/centers/QQHR/workstations/" + code + "/outages/" + outage.get("id").asLong());
        }

        for (String reader : List.of("staff-prov", "supervisor-prov", "demo")) {
            JsonNode shortfalls = api.read(api.get(reader, "/api/workstations/cross-province-shortfalls" + range)
                    .andExpect(status().isOk()));
            assertThat(shortfalls).as(reader).hasSize(1);
            assertThat(shortfalls.get(0).get("centerCode").asText()).isEqualTo("QQHR");
            assertThat(shortfalls.get(0).get("date").asText()).isEqualTo(day.toString());
            assertThat(shortfalls.get(0).get("usable").asInt()).isEqualTo(9);
            assertThat(shortfalls.get(0).get("required").asInt()).isEqualTo(10);
        }

        for (String outage : outages) {
            deleteAs("staff-qqhr", outage);
        }
        assertThat(api.read(api.get("staff-prov", "/api/workstations/cross-province-shortfalls" + range))).isEmpty();
    }

    @Test
    void theShortfallListIsForTheProvincialCenterAndChecksItsDates() throws Exception {
        for (String refused : List.of("staff-hrb", "supervisor-hrb", "staff-qqhr", "tenderer", "drc")) {
            api.get(refused, "/api/workstations/cross-province-shortfalls").andExpect(status().isForbidden());
        }
        api.get("staff-prov", "/api/workstations/cross-province-shortfalls").andExpect(status().isOk());
        api.get("staff-prov", "/api/workstations/cross-province-shortfalls?from=2032-02-30")
                .andExpect(status().isBadRequest());
        api.get("staff-prov", "/api/workstations/cross-province-shortfalls?from=2032-02-02&to=2032-02-01")
                .andExpect(status().isBadRequest());
    }

    @Test
    void theDailyCheckRunsTheRealServiceTaskOnTheEngine() throws Exception {
        java.time.ZoneId province = java.time.ZoneId.of("Asia/Shanghai");
        // The check's first day is today in the province, on either side of a midnight during the test.
        LocalDate dayBefore = LocalDate.now(province);
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS);

        JsonNode expected = api.read(api.get("staff-prov", "/api/workstations/cross-province-shortfalls"));
        Object count = variable(instance, "shortfallCount");
        Object report = variable(instance, "shortfallReport");
        assertThat(count).isInstanceOf(Integer.class).isEqualTo(expected.size());
        assertThat(((String) report).startsWith("检查范围：" + dayBefore)
                || ((String) report).startsWith("检查范围：" + LocalDate.now(province))).as(report.toString()).isTrue();
        if (expected.isEmpty()) {
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                    .getEndActivityId()).isEqualTo("CapacitySufficient");
        } else {
            runtime.deleteProcessInstance(instance.getId(), "test");
        }
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(HistoricVariableInstance::getName).containsOnly("shortfallCount", "shortfallReport");
    }

    @Test
    void provincialStaffSeeAndWorkTheReviewInTasklistAndStartNothing() throws Exception {
        String report = "检查范围：2031-03-01 至 2031-03-31\n齐齐哈尔市公共资源交易中心 2031-03-05 可用跨省工位 9 个（不少于 10 个）";
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS)
                .startBeforeActivity("ReviewCrossProvinceCapacity").setVariable("shortfallCount", 1)
                .setVariable("shortfallReport", report).execute();

        JsonNode tasks = json.readTree(engine("GET", "/task?processInstanceId=" + instance.getId(), "staff-prov", null).body());
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("核查跨省工位不足情况");
        assertThat(json.readTree(engine("GET", "/task?processInstanceId=" + instance.getId(), "staff-hrb", null).body()))
                .isEmpty();

        HttpResponse<String> form = engine("GET", "/task/" + taskId + "/deployed-form", "staff-prov", null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("\"id\": \"cross-province-capacity-review\"").contains("已核实上述情况");
        HttpResponse<String> variables = engine("GET", "/task/" + taskId + "/form-variables", "staff-prov", null);
        assertThat(variables.statusCode()).isEqualTo(200);
        assertThat(json.readTree(variables.body()).get("shortfallReport").get("value").asText()).isEqualTo(report);

        assertThat(engine("POST", "/task/" + taskId + "/claim", "staff-prov", "{\"userId\": \"staff-prov\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> submitted = engine("POST", "/task/" + taskId + "/submit-form", "staff-prov",
                "{\"variables\": {\"capacityReviewed\": {\"value\": true, \"type\": \"Boolean\"}}}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getEndActivityId()).isEqualTo("CapacityShortfallReviewed");

        // The only process a center's staff start themselves is a clue report (policy 八); Tasklist asks like this.
        assertThat(json.readTree(engine("GET",
                "/process-definition?startableInTasklist=true&startablePermissionCheck=true&latest=true", "staff-prov",
                null).body()))
                .extracting(definition -> definition.get("key").asText()).containsOnly("clue-report");
        long started = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        // They may read the model (Tasklist names a task's process), never start it.
        assertThat(engine("POST", "/process-definition/key/" + PROCESS + "/start", "staff-prov", "{}").statusCode())
                .isIn(403, 404);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(started);
    }

    private Object variable(ProcessInstance instance, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
                .singleResult().getValue();
    }

    private void deleteAs(String user, String path) throws Exception {
        HttpResponse<String> response = send("DELETE", path, user, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private HttpResponse<String> engine(String method, String path, String user, String body) throws Exception {
        return send(method, "/engine-rest" + path, user, body);
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
