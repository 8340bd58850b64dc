package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The supervisor's own entropy on the real lifecycle and database (H2 and MariaDB): a tender of a center whose
 * supervisors attend its draws (大兴安岭 in the tests) waits in their inbox; only they can commit; the draw runs on
 * their commitment, asks for the value only after it has read its list, and records it where the chain check
 * holds it against the commitment.
 */
@RemoteEvalIntegrationTest
class SupervisorEntropyIntegrationTest {

    private static final String SUPERVISOR = "supervisor-dxal";

    @Autowired
    Api api;
    @Autowired
    DrawStore store;
    @Autowired
    DrawRecords records;
    @Autowired
    DrawVerifier verifier;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    private String tenderId;

    @AfterEach
    void removeTheTender() {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
    }

    @Test
    void theVenueDrawWaitsForTheSupervisorsCommitmentAndMixesInTheValueRevealedAfterItReadItsList() throws Exception {
        tenderId = api.register(TenderBody.valid().with("mainCenter", "DXAL")).get("id").asText();
        String path = "/api/tenders/" + tenderId + "/draw-entropy";
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tenderId).singleResult().getTaskDefinitionKey())
                .isEqualTo(SupervisorEntropyTasks.BEFORE_VENUE_DRAW);
        api.get(SUPERVISOR, path).andExpect(status().isOk()).andExpect(jsonPath("$.awaitedDraw").value("VENUE"));

        String value = "35261446 掷骰";
        // A salt of its own each run: the MariaDB test database keeps earlier runs' commitments.
        String salt = java.util.UUID.randomUUID().toString().replace("-", "");
        String commitment = SupervisorContributionCheck.commitmentOf(value, salt);
        // The operator, whom the value guards against, and the center's staff cannot commit; nor can a bad hash.
        api.post("demo", path, Map.of("commitment", commitment)).andExpect(status().isForbidden());
        api.post("staff-dxal", path, Map.of("commitment", commitment)).andExpect(status().isForbidden());
        api.post(SUPERVISOR, path, Map.of("commitment", "not a hash")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("commitment"));
        assertThat(store.forTender(tenderId)).isEmpty();

        JsonNode committed = api.read(api.post(SUPERVISOR, path, Map.of("commitment", commitment)).andExpect(status().isCreated()));
        String contributionId = committed.get("id").asText();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tenderId).list()).isEmpty();

        await().atMost(Duration.ofSeconds(60)).until(() -> "AWAITING_REVEAL".equals(progress(path).path("contribution").path("state").asText()));
        String reveal = path + "/" + contributionId + "/reveal";
        api.post(SUPERVISOR, reveal, Map.of("value", "35261447 掷骰", "salt", salt)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("value"));
        api.post("supervisor-hrb", reveal, Map.of("value", value, "salt", salt)).andExpect(status().isNotFound());
        api.post(SUPERVISOR, reveal, Map.of("value", value, "salt", salt)).andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(60)).until(() -> progress(path).path("contribution").hasNonNull("drawRecordId"));
        List<DrawRecord> mine = store.forTender(tenderId);
        assertThat(mine).extracting(DrawRecord::kind).containsExactly(DrawKind.NOTICE, DrawKind.VENUE);
        DrawRecord notice = mine.get(0);
        DrawRecord venues = mine.get(1);
        assertThat(NoticeText.plans(notice.request())).containsKeys("dev-beacon", "supervisor")
                .extractingByKey("supervisor").isEqualTo(java.util.Map.of("commitment", commitment));
        SortedMap<String, String> contributed = NoticeText.contributions(venues.entropy()).get("supervisor");
        assertThat(contributed).containsEntry("value", value).containsEntry("salt", salt).containsEntry("commitment", commitment);
        assertThat(Instant.parse(contributed.get("revealedAt"))).isAfterOrEqualTo(venues.snapshotAt());
        assertThat(venues.entropy()).contains("sources=dev-beacon,supervisor");
        assertThat(verifier.verify(venues, store.seedOf(venues.id()).orElseThrow().seedHex()).verified()).isTrue();
        assertThat(records.verifyChain().intact()).isTrue();
        // Revealed once, never planned again; a second commitment has no draw to wait for.
        api.post(SUPERVISOR, path, Map.of("commitment", SupervisorContributionCheck.commitmentOf("again", salt)))
                .andExpect(status().isConflict());
    }

    private JsonNode progress(String path) throws Exception {
        return api.read(api.get(SUPERVISOR, path).andExpect(status().isOk()));
    }
}
