package cn.hlj.remoteeval.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.expert.ExpertRequests.ExpertRow;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.FakeIdentities;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** The pool import: every row checked, one bad row and nothing is imported, a re-import updates by 身份证号. */
@RemoteEvalIntegrationTest
class ExpertImportIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    AuditLog audit;

    ExpertRequests requests;
    String specialty;

    @BeforeEach
    void setUp() throws Exception {
        requests = new ExpertRequests(mvc, json);
        specialty = requests.newSpecialty();
    }

    @Test
    void aGoodCsvCreatesTheExperts() throws Exception {
        List<ExpertRow> rows = ExpertRequests.randomRows(3, specialty, "HRB");

        JsonNode result = requests.importCsv(rows);

        assertThat(result.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("background").asBoolean()).isFalse();
        assertThat(result.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(result.get("rowsValid").asLong()).isEqualTo(3);
        assertThat(result.get("created").asLong()).isEqualTo(3);
        assertThat(result.get("updated").asLong()).isZero();
        assertThat(stored(rows)).isEqualTo(3);
        assertThat(requests.listOf(specialty)).hasSize(3);
    }

    @Test
    void aGoodXlsxIsImported() throws Exception {
        List<ExpertRow> rows = ExpertRequests.randomRows(2, specialty, "qqhr");

        requests.upload(ExpertRequests.ADMIN, "专家.xlsx", ExpertRequests.xlsx(rows)).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));

        assertThat(requests.listOf(specialty)).allSatisfy(item -> assertThat(item.get("city").asText()).isEqualTo("QQHR"));
    }

    @Test
    void aWrongCheckDigitRejectsTheFileAndImportsNothing() throws Exception {
        ExpertRow bad = ExpertRow.random(specialty, "HRB")
                .withIdNumber(FakeIdentities.withWrongCheckCharacter(FakeIdentities.idNumber()));
        assertRejected(List.of(ExpertRow.random(specialty, "HRB"), bad), "第3行.身份证号", "校验码");
    }

    @Test
    void aBadMobileRejectsTheFileAndImportsNothing() throws Exception {
        assertRejected(List.of(ExpertRow.random(specialty, "HRB").withMobile("1390000123"),
                ExpertRow.random(specialty, "HRB")), "第2行.手机号", "11 位");
    }

    @Test
    void anUnknownSpecialtyRejectsTheFileAndImportsNothing() throws Exception {
        assertRejected(List.of(ExpertRow.random(specialty, "HRB"), ExpertRow.random("Y99", "HRB")), "第3行.专业代码",
                "Y99");
    }

    @Test
    void aBadCategoryRejectsTheFileAndImportsNothing() throws Exception {
        assertRejected(List.of(ExpertRow.random(specialty, "HRB").withCategory("专家")), "第2行.专家类别", "技术");
    }

    @Test
    void anUnknownCenterRejectsTheFileAndImportsNothing() throws Exception {
        assertRejected(List.of(ExpertRow.random(specialty, "HRB"), ExpertRow.random(specialty, "BJ")), "第3行.所在地市",
                "交易中心代码");
    }

    @Test
    void aRepeatedIdNumberInTheFileRejectsItOnTheLaterRow() throws Exception {
        ExpertRow first = ExpertRow.random(specialty, "HRB");
        ExpertRow again = ExpertRow.random(specialty, "MDJ").withIdNumber(first.idNumber().toLowerCase());
        assertRejected(List.of(first, ExpertRow.random(specialty, "HRB"), again), "第4行.身份证号", "第 2 行");
    }

    @Test
    void everyProblemOfTheFileIsListedAtOnce() throws Exception {
        List<ExpertRow> rows = List.of(ExpertRow.random(specialty, "HRB").withName(""),
                ExpertRow.random(specialty, "HRB"), ExpertRow.random(specialty, "XX").withEmployer(""));
        long before = count("expert");

        JsonNode problem = requests.read(requests.upload(ExpertRequests.ADMIN, "专家.csv", ExpertRequests.csv(rows))
                .andExpect(status().isUnprocessableEntity()));

        assertThat(fields(problem)).containsExactly("第2行.姓名", "第4行.工作单位", "第4行.所在地市");
        assertThat(problem.get("detail").asText()).contains("3 处错误").contains("未导入");
        assertThat(count("expert")).isEqualTo(before);
    }

    @Test
    void aMissingHeaderIsRefusedAtOnceAndImportsNothing() throws Exception {
        ExpertRow row = ExpertRow.random(specialty, "HRB");
        long imports = count("expert_import");
        long before = count("expert");

        JsonNode problem = requests.read(requests.upload(ExpertRequests.ADMIN, "专家.csv",
                (row.csvLine() + "\r\n").getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest()));

        assertThat(fields(problem)).containsExactly("第1行");
        assertThat(problem.toString()).doesNotContain(row.idNumber()).doesNotContain(row.mobile())
                .doesNotContain(row.name());
        assertThat(count("expert")).isEqualTo(before);
        assertThat(count("expert_import")).as("nothing is recorded for a file of the wrong shape").isEqualTo(imports);
    }

    @Test
    void aWrongHeaderAMissingFileAndAnotherFormatAreRefused() throws Exception {
        requests.upload(ExpertRequests.ADMIN, "专家.csv",
                "姓名,身份证,手机号,专业代码,专家类别,工作单位,所在地市\r\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("第1行"));
        requests.upload(ExpertRequests.ADMIN, "专家.xls", ExpertRequests.csv(List.of()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        requests.post(ExpertRequests.ADMIN, "/api/experts/import", json.createObjectNode())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        requests.upload(ExpertRequests.ADMIN, "专家.csv", ExpertRequests.csv(List.of()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("file"));
        requests.upload(ExpertRequests.ADMIN, "专家.xlsx", "no zip".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aReImportUpdatesByIdNumberKeepsUnchangedOnesAndWritesHistory() throws Exception {
        ExpertRow changing = ExpertRow.random(specialty, "HRB").withIdNumber(FakeIdentities.idNumberEndingInX());
        ExpertRow same = ExpertRow.random(specialty, "HRB");
        requests.importCsv(List.of(changing, same));
        String ref = requests.refOf(specialty, changing.idNumber());
        String sameRef = requests.refOf(specialty, same.idNumber());

        ExpertRow changed = changing.withIdNumber(changing.idNumber().toLowerCase()).withMobile(FakeIdentities.mobile())
                .withEmployer("新单位").withCity("DQ");
        ExpertRow added = ExpertRow.random(specialty, "HRB");
        JsonNode result = requests.importCsv(List.of(same, changed, added));

        assertThat(result.get("created").asLong()).isEqualTo(1);
        assertThat(result.get("updated").asLong()).isEqualTo(1);
        assertThat(result.get("unchanged").asLong()).isEqualTo(1);
        JsonNode detail = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref));
        assertThat(detail.get("mobile").asText()).isEqualTo(changed.mobile());
        assertThat(detail.get("idNumber").asText()).isEqualTo(changing.idNumber());
        assertThat(detail.get("employer").asText()).isEqualTo("新单位");
        assertThat(detail.get("city").asText()).isEqualTo("DQ");
        assertThat(detail.get("version").asLong()).isEqualTo(1);
        assertThat(requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + sameRef)).get("version").asLong())
                .isZero();

        JsonNode history = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/" + ref + "/history"));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("source").asText()).startsWith("IMPORT:");
        assertThat(history.get(1).get("version").asLong()).isEqualTo(1);
        assertThat(history.get(1).get("source").asText()).isEqualTo("IMPORT:" + result.get("id").asText());
        assertThat(history.get(1).get("changedFields")).extracting(JsonNode::asText)
                .containsExactly("mobile", "employer", "city");
        assertThat(history.get(1).get("previousValues").get("mobile").asText()).isEqualTo(changing.mobile());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expert_history WHERE expert_ref = ?").param(sameRef).query(Long.class)
                .single()).as("an unchanged expert gets no history line").isZero();
        assertThat(jdbc.sql("SELECT created_source FROM expert WHERE expert_ref = ?").param(sameRef)
                .query(String.class).single()).startsWith("IMPORT:");
        assertThat(stored(List.of(same, changed, added))).isEqualTo(3);
    }

    @Test
    void eachImportIsAuditedWithCountsOnly() throws Exception {
        List<ExpertRow> rows = ExpertRequests.randomRows(2, specialty, "HRB");
        String id = requests.importCsv(rows).get("id").asText();

        List<AuditEntry> entries = audit.entriesFor("expert-import", id);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("EXPERT_IMPORT_SUCCEEDED");
            assertThat(entry.actor()).isEqualTo("pool-admin");
            assertThat(entry.detail()).contains("created=2");
            for (ExpertRow row : rows) {
                assertThat(entry.detail()).doesNotContain(row.idNumber()).doesNotContain(row.mobile())
                        .doesNotContain(row.name());
            }
        });
        requests.get(ExpertRequests.ADMIN, "/api/experts/imports/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUCCEEDED"));
        requests.get(ExpertRequests.ADMIN, "/api/experts/imports").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").exists());
        requests.get(ExpertRequests.ADMIN, "/api/experts/imports/no-such-import").andExpect(status().isNotFound());
    }

    private void assertRejected(List<ExpertRow> rows, String field, String messagePart) throws Exception {
        long experts = count("expert");
        long history = count("expert_history");

        JsonNode problem = requests.read(requests.upload(ExpertRequests.ADMIN, "专家.csv", ExpertRequests.csv(rows))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));

        assertThat(fields(problem)).containsExactly(field);
        assertThat(problem.get("errors").get(0).get("message").asText()).contains(messagePart);
        assertThat(count("expert")).isEqualTo(experts);
        assertThat(count("expert_history")).isEqualTo(history);
        assertThat(stored(rows)).isZero();
        for (ExpertRow row : rows) {
            assertThat(problem.toString()).doesNotContain(row.mobile()).doesNotContain(row.name());
        }
    }

    /** How many of these rows' 身份证号 are in the pool. */
    private long stored(List<ExpertRow> rows) {
        List<String> indexes = new ArrayList<>();
        for (ExpertRow row : rows) {
            indexes.add(cipher.blindIndex(row.idNumber().toUpperCase()));
        }
        return jdbc.sql("SELECT COUNT(*) FROM expert WHERE id_number_index IN (:indexes)").param("indexes", indexes)
                .query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}
