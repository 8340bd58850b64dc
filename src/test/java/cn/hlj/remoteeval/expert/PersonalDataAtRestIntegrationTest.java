package cn.hlj.remoteeval.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.expert.ExpertRequests.ExpertRow;
import cn.hlj.remoteeval.testsupport.FakeIdentities;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * A canary expert's name, 身份证号 and mobile are nowhere in the database in plain text: not in the
 * expert row, its history, the imports' error lists or the audit log; nor in the log output.
 */
@RemoteEvalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataAtRestIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRawColumnsHoldNoPlaintextPersonalData(CapturedOutput output) throws Exception {
        ExpertRequests requests = new ExpertRequests(mvc, json);
        String specialty = requests.newSpecialty();
        ExpertRow canary = ExpertRow.random(specialty, "HRB").withName("金丝雀" + FakeIdentities.name())
                .withIdNumber(FakeIdentities.idNumberEndingInX());
        requests.importCsv(List.of(canary));
        String ref = requests.refOf(specialty, canary.idNumber());
        // A second version (history snapshot of the old mobile), a status change, declarations, views.
        String oldMobile = canary.mobile();
        requests.importCsv(List.of(canary.withMobile(FakeIdentities.mobile()).withName(canary.name() + "甲")));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status",
                Map.of("status", "SUSPENDED", "reason", "核查中")).andExpect(status().isOk());
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/leaves",
                Map.of("from", "2033-03-01", "to", "2033-03-02", "reason", "请假")).andExpect(status().isCreated());
        requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref).andExpect(status().isOk());
        requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref + "/history").andExpect(status().isOk());
        // A rejected import holding the canary's data in the rows around the bad one.
        JsonNode rejected = requests.read(requests.upload(ExpertRequests.ADMIN, "专家.csv", ExpertRequests.csv(List.of(
                canary, canary.withCategory(canary.mobile()).withCity(canary.idNumber()).withSpecialty(canary.name()))))
                .andExpect(status().isUnprocessableEntity()));
        List<String> secrets = List.of(canary.name(), canary.name() + "甲", canary.idNumber(),
                canary.idNumber().toLowerCase(), canary.idNumber().substring(0, 17), oldMobile, canary.mobile());

        List<Map<String, Object>> expert = jdbc.sql("SELECT * FROM expert WHERE expert_ref = ?").param(ref).query()
                .listOfRows();
        assertThat(expert).hasSize(1);
        assertThat(expert.get(0).get("NAME_ENC") != null ? expert.get(0).get("NAME_ENC") : expert.get(0).get("name_enc"))
                .asString().startsWith("v1:");
        assertNone(expert, secrets);
        List<Map<String, Object>> history = jdbc.sql("SELECT * FROM expert_history WHERE expert_ref = ?").param(ref)
                .query().listOfRows();
        assertThat(history).as("the re-import and the status change").hasSize(2);
        assertNone(history, secrets);
        assertNone(jdbc.sql("SELECT * FROM expert_import").query().listOfRows(), secrets);
        assertNone(jdbc.sql("SELECT * FROM expert_leave WHERE expert_ref = ?").param(ref).query().listOfRows(), secrets);
        assertNone(jdbc.sql("SELECT * FROM audit_entry").query().listOfRows(), secrets);
        assertThat(rejected.toString()).doesNotContain(secrets);
        assertThat(output.getAll()).doesNotContain(secrets);
    }

    private static void assertNone(List<Map<String, Object>> rows, List<String> secrets) {
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> column : row.entrySet()) {
                assertThat(String.valueOf(column.getValue())).as(column.getKey()).doesNotContain(secrets);
            }
        }
    }
}
