package cn.hlj.remoteeval.crossprovince.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.expert.ExpertPoolChanged;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.FakeIdentities;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.venue.WorkstationDirectoryChanged;

/**
 * Publication on change, with a connected partner of the test's own: a workstation set to or from
 * cross-province, an expert import (one change, however many rows) and an expert's status change mark
 * their directory, and the next tick ({@link DirectoryChanges#publishDirty()}, called here since the tests
 * run without the schedule) queues that directory, and only that one, with the new counts. A workstation
 * that is not for cross-province evaluation and an expert's leave change nothing the directories show.
 */
@RemoteEvalIntegrationTest
@RecordApplicationEvents
class DirectoryOnChangeIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final String POOL_ADMIN = "pool-admin";
    private static final String HRB_STAFF = "staff-hrb";

    @Autowired
    DirectoryChanges changes;
    @Autowired
    DirectoryPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationEvents events;

    /** A province code of its own (letters only, as the envelope's schema requires). */
    private final String partner = "Y" + new SecureRandom().ints(5, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    /** A workstation code of HRB no other test uses (HRB hosts partners' tenders: it is in the directory). */
    private final String workstation = "T-" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase();

    @BeforeEach
    void connectThePartnerAndPublishBothDirectoriesToIt() {
        LocalDate day = LocalDate.of(2026, 1, 5);
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, joint_test_passed_on, connected_on, "
                + "last_step_on, version, registered_by, registered_at, exchange_public_key, exchange_endpoint) "
                + "VALUES (?, '测试省', 'CONNECTED', ?, ?, ?, ?, 0, 'test', ?, ?, ?)")
                .params(partner, day, day, day, day, Timestamp.from(Instant.now()), CRYPTO.newKeyPair().publicKey(),
                        "http://127.0.0.1:9/exchange/v1/messages")
                .update();
        // Marks left by earlier tests go out first; then the partner has both directories as they are now.
        changes.publishDirty();
        publisher.publishAll();
        events.clear();
    }

    @AfterEach
    void removeThePartnerWhatWentToItAndTheWorkstation() {
        for (String delete : List.of("DELETE FROM exchange_outbox WHERE receiver = ?",
                "DELETE FROM exchange_inbox WHERE sender = ?", "DELETE FROM exchange_seen_message WHERE sender = ?",
                "DELETE FROM exchange_peer_sequence WHERE peer = ?", "DELETE FROM directory_publication WHERE partner = ?",
                "DELETE FROM partner_directory WHERE partner = ?", "DELETE FROM partner_directory_part WHERE partner = ?",
                "DELETE FROM partner_province WHERE code = ?")) {
            jdbc.sql(delete).param(partner).update();
        }
        jdbc.sql("DELETE FROM workstation WHERE center_code = 'HRB' AND code = ?").param(workstation).update();
    }

    @Test
    void aWorkstationSetToOrFromCrossProvinceMarksTheWorkstationDirectoryWhichGoesOutAloneAtTheNextTick()
            throws Exception {
        long experts = messages(MessageType.EXPERT_DIRECTORY);
        assertThat(messages(MessageType.WORKSTATION_DIRECTORY)).isOne();
        int hrb = workstationsOfHrbInLatestDirectory();

        api.post(HRB_STAFF, "/api/centers/HRB/workstations", api.map("code", workstation, "room", "远程异地评标区 A 评标室 9",
                "crossProvince", false, "avNotes", null)).andExpect(status().isCreated());
        // Not for cross-province evaluation: nothing the directory shows.
        assertThat(events.stream(WorkstationDirectoryChanged.class)).isEmpty();

        put(HRB_STAFF, "/api/centers/HRB/workstations/" + workstation,
                api.map("room", "远程异地评标区 A 评标室 9", "crossProvince", true, "version", 0)).andExpect(status().isOk());
        assertThat(events.stream(WorkstationDirectoryChanged.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.dirtySince(DirectoryKind.WORKSTATION).isPresent());

        DirectoryPublisher.Outcome outcome = changes.publishDirty();

        assertThat(outcome.messagesQueued()).isOne();
        assertThat(messages(MessageType.WORKSTATION_DIRECTORY)).isEqualTo(2);
        assertThat(messages(MessageType.EXPERT_DIRECTORY)).isEqualTo(experts);
        assertThat(workstationsOfHrbInLatestDirectory()).isEqualTo(hrb + 1);
        assertThat(changes.dirtySince(DirectoryKind.WORKSTATION)).isEmpty();
        // Nothing changed since: the next tick sends nothing.
        assertThat(changes.publishDirty().messagesQueued()).isZero();

        put(HRB_STAFF, "/api/centers/HRB/workstations/" + workstation,
                api.map("room", "远程异地评标区 A 评标室 9", "crossProvince", false, "version", 1)).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.dirtySince(DirectoryKind.WORKSTATION).isPresent());
        changes.publishDirty();

        assertThat(messages(MessageType.WORKSTATION_DIRECTORY)).isEqualTo(3);
        assertThat(messages(MessageType.EXPERT_DIRECTORY)).isEqualTo(experts);
        assertThat(workstationsOfHrbInLatestDirectory()).isEqualTo(hrb);
    }

    @Test
    void anImportIsOneChangeOfThePoolAndAStatusChangeMarksTheExpertDirectoryALeaveDoesNot() throws Exception {
        long workstations = messages(MessageType.WORKSTATION_DIRECTORY);
        String specialty = "Z%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        api.post(POOL_ADMIN, "/api/specialties", api.map("code", specialty, "name", "测试专业" + specialty))
                .andExpect(status().isCreated());

        importExperts(specialty, 3);

        // One event for the import, not one per row.
        assertThat(events.stream(ExpertPoolChanged.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.dirtySince(DirectoryKind.EXPERT).isPresent());
        changes.publishDirty();
        assertThat(inServiceInLatestExpertDirectory(specialty)).isEqualTo(3);
        assertThat(messages(MessageType.WORKSTATION_DIRECTORY)).isEqualTo(workstations);

        String ref = jdbc.sql("SELECT expert_ref FROM expert WHERE specialty_code = ? ORDER BY expert_ref")
                .param(specialty).query(String.class).list().get(0);
        api.post(POOL_ADMIN, "/api/experts/" + ref + "/leaves", api.map("from", "2031-03-02", "to", "2031-03-03",
                "reason", "出差")).andExpect(status().isCreated());
        // On leave is still in service.
        assertThat(events.stream(ExpertPoolChanged.class)).hasSize(1);

        api.post(POOL_ADMIN, "/api/experts/" + ref + "/status", api.map("status", "SUSPENDED", "reason", "年度考核待定"))
                .andExpect(status().isOk());

        assertThat(events.stream(ExpertPoolChanged.class)).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.dirtySince(DirectoryKind.EXPERT).isPresent());
        long before = messages(MessageType.EXPERT_DIRECTORY);
        assertThat(changes.publishDirty().messagesQueued()).isPositive();
        assertThat(messages(MessageType.EXPERT_DIRECTORY)).isGreaterThan(before);
        assertThat(messages(MessageType.WORKSTATION_DIRECTORY)).isEqualTo(workstations);
        assertThat(inServiceInLatestExpertDirectory(specialty)).isEqualTo(2);

        // Reinstated: back in the directory at the next tick.
        api.post(POOL_ADMIN, "/api/experts/" + ref + "/status", api.map("status", "ACTIVE")).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.dirtySince(DirectoryKind.EXPERT).isPresent());
        changes.publishDirty();
        assertThat(inServiceInLatestExpertDirectory(specialty)).isEqualTo(3);
    }

    private void importExperts(String specialty, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,专业代码,专家类别,工作单位,所在地市\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.join(",", FakeIdentities.name(), FakeIdentities.idNumber(), FakeIdentities.mobile(),
                    specialty, "技术", "测试单位", "HRB")).append("\r\n");
        }
        mvc.perform(MockMvcRequestBuilders.multipart("/api/experts/import")
                .file(new MockMultipartFile("file", "专家.csv", "application/octet-stream",
                        csv.toString().getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(POOL_ADMIN, POOL_ADMIN))).andExpect(status().isOk());
    }

    private ResultActions put(String user, String path, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put(path).with(httpBasic(user, user))
                .contentType(MediaType.APPLICATION_JSON).characterEncoding("UTF-8").content(json.writeValueAsString(body)));
    }

    private long messages(MessageType type) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE receiver = ? AND message_type = ?")
                .params(partner, type.name()).query(Long.class).single();
    }

    /** The latest directory's message bodies sent to the partner, in part order. */
    private List<JsonNode> latest(MessageType type, DirectoryKind kind) throws Exception {
        int parts = jdbc.sql("SELECT parts FROM directory_publication WHERE partner = ? AND kind = ?")
                .params(partner, kind.name()).query(Integer.class).single();
        List<String> bodies = jdbc.sql("SELECT body FROM exchange_outbox WHERE receiver = ? AND message_type = ? "
                + "ORDER BY sequence_no DESC").params(partner, type.name()).query(String.class).list();
        List<JsonNode> latest = new ArrayList<>();
        for (String body : bodies.subList(0, parts)) {
            latest.add(0, json.readTree(body));
        }
        return latest;
    }

    private int workstationsOfHrbInLatestDirectory() throws Exception {
        for (JsonNode entry : latest(MessageType.WORKSTATION_DIRECTORY, DirectoryKind.WORKSTATION).get(0).get("entries")) {
            if (entry.get("centerCode").asText().equals("HRB")) {
                return entry.get("crossProvinceWorkstations").asInt();
            }
        }
        throw new AssertionError("HRB is not in the workstation directory");
    }

    private long inServiceInLatestExpertDirectory(String specialty) throws Exception {
        long available = 0;
        for (JsonNode body : latest(MessageType.EXPERT_DIRECTORY, DirectoryKind.EXPERT)) {
            for (JsonNode entry : body.get("entries")) {
                if (entry.get("specialtyCode").asText().equals(specialty)) {
                    available += entry.get("available").asLong();
                }
            }
        }
        return available;
    }
}
