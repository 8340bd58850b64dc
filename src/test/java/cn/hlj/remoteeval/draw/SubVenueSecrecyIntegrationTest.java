package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.EngineRest;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * Policy 六 "副场信息全程保密": after a random draw, nothing an operator, the main venue's staff,
 * a sub-venue's staff or the tenderer can read (engine REST variables and history, the tender,
 * the draw record, the sessions view) and no log line about the tender names a sub-venue.
 */
@RemoteEvalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SubVenueSecrecyIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    EngineRest http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TradingCenters centers;

    @Test
    void noSubVenueOfATenderShowsInTheEngineTheApiOrTheLogs(CapturedOutput output) throws Exception {
        // Registered for the demo tenderer, so that the tenderer's view of it is searched too.
        JsonNode registered = api.register(TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER));
        String id = registered.get("id").asText();
        String sectionCode = registered.get("sectionCode").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText()).isEqualTo("AWAITING_EXPERT_DRAW"));
        List<String> subVenues = jdbc.sql("SELECT DISTINCT w.center_code FROM workstation_booking b "
                + "JOIN workstation w ON w.id = b.workstation_id WHERE b.holder_ref = ? AND w.center_code <> 'HRB'")
                .param(id).query(String.class).list();
        assertThat(subVenues).hasSizeGreaterThanOrEqualTo(2);
        String drawId = api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("venueDrawId").asText();
        String processInstanceId = JsonPath.first(http.body("demo", "/engine-rest/process-instance?businessKey=" + id), "id");

        List<String> seen = new ArrayList<>();
        for (String path : List.of("/engine-rest/process-instance/" + processInstanceId + "/variables",
                "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId,
                "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId,
                "/engine-rest/history/detail?processInstanceId=" + processInstanceId,
                "/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId,
                "/engine-rest/history/job-log?processInstanceId=" + processInstanceId,
                "/engine-rest/history/incident?processInstanceId=" + processInstanceId,
                "/engine-rest/history/process-instance/" + processInstanceId,
                "/engine-rest/history/user-operation?processInstanceId=" + processInstanceId,
                "/engine-rest/job?processInstanceId=" + processInstanceId,
                "/engine-rest/task?processInstanceBusinessKey=" + id)) {
            seen.add(path + " " + http.body("demo", path));
        }
        for (String user : List.of("demo", "staff-hrb", "supervisor-hrb", "tenderer")) {
            seen.add(user + " tender " + http.body(user, "/api/tenders/" + id));
        }
        for (String user : List.of("demo", "staff-hrb", "supervisor-hrb")) {
            seen.add(user + " draw " + http.body(user, "/api/draws/" + drawId));
        }
        seen.add("audit " + http.body("demo", "/api/audit/tenders/" + id));
        // A sub-venue's staff see an anonymous session: no tender, no section, no main venue.
        for (String code : subVenues) {
            String sessions = http.body("staff-" + code.toLowerCase(), "/api/centers/" + code + "/sessions?from="
                    + registered.get("evaluationDate").asText() + "&to=" + registered.get("evaluationDate").asText());
            assertThat(sessions).contains("sessionCode").doesNotContain(id, sectionCode, "HRB", "哈尔滨");
        }
        http.get("demo", "/api/draws/" + drawId + "/verification");

        for (String code : subVenues) {
            Pattern token = Pattern.compile("\\b" + code + "\\b");
            String name = centers.find(code).orElseThrow().name();
            assertThat(seen).allSatisfy(response -> {
                assertThat(token.matcher(response).find()).as("%s appears in %s", code, response).isFalse();
                assertThat(response).doesNotContain(name);
            });
            List<String> linesAboutTheTender = output.getAll().lines()
                    .filter(line -> line.contains(id) || line.contains(drawId)).toList();
            assertThat(linesAboutTheTender).isNotEmpty().noneMatch(line -> token.matcher(line).find() || line.contains(name));
        }
    }

    /** The smallest JSON reading this test needs: the first value of a field in an array of objects. */
    static final class JsonPath {
        static String first(String json, String field) throws Exception {
            JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            return (node.isArray() ? node.get(0) : node).get(field).asText();
        }
    }
}
