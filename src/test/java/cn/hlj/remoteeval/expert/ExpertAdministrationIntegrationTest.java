package cn.hlj.remoteeval.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.expert.ExpertRequests.ExpertRow;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** The pool administrators' work on single experts: masked lists, full details, status, leaves and declarations. */
@RemoteEvalIntegrationTest
class ExpertAdministrationIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    ExpertRequests requests;
    String specialty;
    ExpertRow row;
    String ref;

    @BeforeEach
    void setUp() throws Exception {
        requests = new ExpertRequests(mvc, json);
        specialty = requests.newSpecialty();
        row = ExpertRow.random(specialty, "SH").withName("欧阳" + ExpertRow.random(specialty, "SH").name().substring(1))
                .withCategory("经济");
        requests.importCsv(List.of(row));
        ref = requests.refOf(specialty, row.idNumber());
    }

    private static LocalDate futureDate() {
        return LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(4 * 365));
    }

    @Test
    void theListShowsPersonalDataMaskedAndIsFiltered() throws Exception {
        JsonNode item = requests.listOf(specialty).get(0);

        assertThat(item.get("expertRef").asText()).isEqualTo(ref);
        assertThat(item.get("name").asText()).isEqualTo("欧***");
        assertThat(item.get("mobile").asText())
                .isEqualTo(row.mobile().substring(0, 3) + "****" + row.mobile().substring(7));
        assertThat(item.get("idNumber").asText())
                .isEqualTo(row.idNumber().substring(0, 4) + "**********" + row.idNumber().substring(14));
        assertThat(item.get("categoryLabel").asText()).isEqualTo("经济");
        assertThat(item.get("category").asText()).isEqualTo("ECONOMIC");
        assertThat(item.get("city").asText()).isEqualTo("SH");
        assertThat(item.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(item.toString()).doesNotContain(row.idNumber()).doesNotContain(row.mobile())
                .doesNotContain(row.name());

        requests.get(ExpertRequests.ADMIN, "/api/experts?specialty=" + specialty + "&city=HRB").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        requests.get(ExpertRequests.ADMIN, "/api/experts?specialty=" + specialty + "&status=SUSPENDED")
                .andExpect(jsonPath("$.total").value(0));
        requests.get(ExpertRequests.ADMIN, "/api/experts?size=2").andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.size").value(2));
        JsonNode problem = requests.read(requests.get(ExpertRequests.ADMIN,
                "/api/experts?city=XX&status=GONE&size=0&specialty=Q1").andExpect(status().isBadRequest()));
        assertThat(ExpertImportIntegrationTest.fields(problem)).containsExactly("specialty", "city", "status", "size");
    }

    @Test
    void theDetailShowsPersonalDataInFullAndTheViewIsAudited() throws Exception {
        JsonNode detail = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref).andExpect(status().isOk()));

        assertThat(detail.get("name").asText()).isEqualTo(row.name());
        assertThat(detail.get("idNumber").asText()).isEqualTo(row.idNumber());
        assertThat(detail.get("mobile").asText()).isEqualTo(row.mobile());
        assertThat(detail.get("specialtyName").asText()).isEqualTo("测试专业" + specialty);
        List<AuditEntry> entries = audit.entriesFor("expert", ref);
        assertThat(entries).extracting(AuditEntry::action).contains("EXPERT_VIEWED");
        assertThat(entries).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(row.idNumber())
                .doesNotContain(row.name()).doesNotContain(row.mobile()));
    }

    @Test
    void anExpertIsSuspendedReinstatedAndDisqualifiedForGood() throws Exception {
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status",
                Map.of("status", "SUSPENDED", "reason", "年度考核待定")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED")).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.statusLabel").value("暂停抽取"));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status", Map.of("status", "ACTIVE"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.version").value(2));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status",
                Map.of("status", "DISQUALIFIED", "reason", "违规评标")).andExpect(status().isOk());

        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status", Map.of("status", "ACTIVE"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("status"));
        JsonNode history = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref + "/history"));
        assertThat(history).hasSize(4);
        assertThat(history.get(3).get("source").asText()).isEqualTo("MANUAL");
        assertThat(history.get(3).get("previousValues").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(audit.entriesFor("expert", ref)).extracting(AuditEntry::detail).contains("ACTIVE -> SUSPENDED",
                "ACTIVE -> DISQUALIFIED");
    }

    @Test
    void aBadStatusRequestChangesNothing() throws Exception {
        JsonNode problem = requests.read(requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status",
                Map.of("status", "RETIRED", "reason", "")).andExpect(status().isBadRequest()));
        assertThat(ExpertImportIntegrationTest.fields(problem)).containsExactly("status", "reason");
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status", Map.of("status", "SUSPENDED"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/status", Map.of("status", "SUSPENDED",
                "reason", "x", "extra", 1)).andExpect(status().isBadRequest());

        assertThat(jdbc.sql("SELECT status FROM expert WHERE expert_ref = ?").param(ref).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void leavesAreRecordedAndWithdrawn() throws Exception {
        LocalDate from = futureDate();
        JsonNode leave = requests.read(requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/leaves",
                Map.of("from", from.toString(), "to", from.plusDays(3).toString(), "reason", "出国访问"))
                .andExpect(status().isCreated()));

        JsonNode detail = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref));
        assertThat(detail.get("leaves")).singleElement().satisfies(l -> {
            assertThat(l.get("from").asText()).isEqualTo(from.toString());
            assertThat(l.get("reason").asText()).isEqualTo("出国访问");
        });
        requests.delete(ExpertRequests.ADMIN, "/api/experts/" + ref + "/leaves/" + leave.get("id").asLong())
                .andExpect(status().isNoContent());
        requests.delete(ExpertRequests.ADMIN, "/api/experts/" + ref + "/leaves/" + leave.get("id").asLong())
                .andExpect(status().isNotFound());
        assertThat(requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref)).get("leaves")).isEmpty();
    }

    @Test
    void aBadLeaveIsRefusedNamingTheField() throws Exception {
        LocalDate from = futureDate();
        JsonNode problem = requests.read(requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/leaves",
                Map.of("from", from.toString(), "to", from.minusDays(1).toString(), "reason", " "))
                .andExpect(status().isBadRequest()));
        assertThat(ExpertImportIntegrationTest.fields(problem)).containsExactly("to", "reason");
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/leaves",
                Map.of("from", "2020-01-01", "to", "2020-01-02", "reason", "过去")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/leaves",
                Map.of("from", "2031-13-01", "to", "2031-12-02", "reason", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expert_leave WHERE expert_ref = ?").param(ref).query(Long.class)
                .single()).isZero();
    }

    @Test
    void declaredRelationsAndEarlierProjectStagesAreRecorded() throws Exception {
        JsonNode relation = requests.read(requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/relations",
                Map.of("organisation", "某建设集团有限公司", "relation", "近三年曾任职")).andExpect(status().isCreated()));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/relations",
                Map.of("organisation", "某建设集团有限公司", "relation", "亲属任职")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("organisation"));
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/project-participations",
                Map.of("projectCode", "P-2031-001", "stage", "可行性研究")).andExpect(status().isCreated());
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + ref + "/project-participations",
                Map.of("projectCode", "P-2031-001", "stage", "可行性研究")).andExpect(status().isConflict());
        JsonNode problem = requests.read(requests.post(ExpertRequests.ADMIN,
                "/api/experts/" + ref + "/project-participations", Map.of("projectCode", "", "stage", "阶".repeat(51)))
                .andExpect(status().isBadRequest()));
        assertThat(ExpertImportIntegrationTest.fields(problem)).containsExactly("projectCode", "stage");

        JsonNode detail = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref));
        assertThat(detail.get("relations")).singleElement()
                .satisfies(r -> assertThat(r.get("organisation").asText()).isEqualTo("某建设集团有限公司"));
        assertThat(detail.get("projectParticipations")).singleElement()
                .satisfies(p -> assertThat(p.get("projectCode").asText()).isEqualTo("P-2031-001"));

        requests.delete(ExpertRequests.ADMIN, "/api/experts/" + ref + "/relations/" + relation.get("id").asLong())
                .andExpect(status().isNoContent());
        assertThat(requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref)).get("relations")).isEmpty();
    }

    @Test
    void anUnknownExpertIsNotFound() throws Exception {
        String unknown = UUID.randomUUID().toString();
        requests.get(ExpertRequests.ADMIN, "/api/experts/" + unknown).andExpect(status().isNotFound());
        requests.get(ExpertRequests.ADMIN, "/api/experts/not-a-uuid").andExpect(status().isNotFound());
        requests.get(ExpertRequests.ADMIN, "/api/experts/" + unknown + "/history").andExpect(status().isNotFound());
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + unknown + "/status",
                Map.of("status", "SUSPENDED", "reason", "x")).andExpect(status().isNotFound());
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + unknown + "/leaves",
                Map.of("from", "2032-01-01", "to", "2032-01-02", "reason", "x")).andExpect(status().isNotFound());
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + unknown + "/relations",
                Map.of("organisation", "某单位", "relation", "任职")).andExpect(status().isNotFound());
        requests.post(ExpertRequests.ADMIN, "/api/experts/" + unknown + "/project-participations",
                Map.of("projectCode", "P", "stage", "设计")).andExpect(status().isNotFound());
        requests.delete(ExpertRequests.ADMIN, "/api/experts/" + unknown + "/leaves/1").andExpect(status().isNotFound());
    }
}
