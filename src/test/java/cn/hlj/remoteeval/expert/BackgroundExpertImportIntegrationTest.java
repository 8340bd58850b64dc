package cn.hlj.remoteeval.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.expert.ExpertRequests.ExpertRow;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * A file above the background threshold (128 KiB by default; 2,500 rows of CSV are about 190 KiB) is
 * answered with 202 and imported in the background, with its progress visible, and stays all or nothing.
 */
@RemoteEvalIntegrationTest
class BackgroundExpertImportIntegrationTest {

    static final int ROWS = 2_500;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    ExpertRequests requests;
    String specialty;

    @BeforeEach
    void setUp() throws Exception {
        requests = new ExpertRequests(mvc, json);
        specialty = requests.newSpecialty();
    }

    @Test
    void aLargeFileRunsInTheBackgroundWithItsProgressVisible() throws Exception {
        List<ExpertRow> rows = ExpertRequests.randomRows(ROWS, specialty, "JMS");
        byte[] file = ExpertRequests.csv(rows);
        assertThat(file.length).isGreaterThan(128 * 1024);

        JsonNode accepted = requests.read(requests.upload(ExpertRequests.ADMIN, "全省专家.csv", file)
                .andExpect(status().isAccepted()).andExpect(header().string("Location",
                        org.hamcrest.Matchers.startsWith("/api/experts/imports/"))));
        String id = accepted.get("id").asText();
        assertThat(accepted.get("background").asBoolean()).isTrue();
        assertThat(accepted.get("fileName").asText()).isEqualTo("全省专家.csv");

        List<Long> seen = new ArrayList<>();
        JsonNode done = awaitEnd(id, seen);

        assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("phase").asText()).isEqualTo("DONE");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(ROWS);
        assertThat(done.get("rowsValid").asLong()).isEqualTo(ROWS);
        assertThat(done.get("errorCount").asLong()).isZero();
        assertThat(done.get("created").asLong()).isEqualTo(ROWS);
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(seen).as("rows read, as the administrator saw them").isSorted();
        assertThat(stored(rows)).isEqualTo(ROWS);
    }

    @Test
    void aBadRowLateInALargeFileLeavesNothingImported() throws Exception {
        List<ExpertRow> rows = ExpertRequests.randomRows(ROWS, specialty, "JMS");
        rows.set(ROWS - 100, rows.get(ROWS - 100).withMobile("2390000123"));
        long before = jdbc.sql("SELECT COUNT(*) FROM expert").query(Long.class).single();

        String id = requests.read(requests.upload(ExpertRequests.ADMIN, "全省专家.csv", ExpertRequests.csv(rows))
                .andExpect(status().isAccepted())).get("id").asText();
        JsonNode done = awaitEnd(id, new ArrayList<>());

        assertThat(done.get("state").asText()).isEqualTo("REJECTED");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(ROWS);
        assertThat(done.get("rowsValid").asLong()).isEqualTo(ROWS - 1);
        assertThat(done.get("errorCount").asLong()).isEqualTo(1);
        assertThat(done.get("errors").get(0).get("field").asText()).isEqualTo("第" + (ROWS - 100 + 2) + "行.手机号");
        assertThat(done.get("created").isNull()).isTrue();
        assertThat(stored(rows)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expert").query(Long.class).single()).isEqualTo(before);
    }

    private JsonNode awaitEnd(String id, List<Long> seen) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = requests.read(requests.get(ExpertRequests.ADMIN, "/api/experts/imports/" + id)
                    .andExpect(status().isOk()));
            seen.add(last[0].get("rowsRead").asLong());
            return !"RUNNING".equals(last[0].get("state").asText());
        });
        return last[0];
    }

    private long stored(List<ExpertRow> rows) {
        List<String> indexes = new ArrayList<>();
        for (ExpertRow row : rows) {
            indexes.add(cipher.blindIndex(row.idNumber()));
        }
        long total = 0;
        for (int from = 0; from < indexes.size(); from += 500) {
            total += jdbc.sql("SELECT COUNT(*) FROM expert WHERE id_number_index IN (:indexes)")
                    .param("indexes", indexes.subList(from, Math.min(indexes.size(), from + 500))).query(Long.class)
                    .single();
        }
        return total;
    }
}
