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

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.evaluation.EvaluationEnded;
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
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;

    @TempDir
    Path directory;

    private String tenderId;

    @AfterEach
    void removeTheTender() {
        // The lifecycle's deletion takes the seats' confirmations it called with it.
        runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle").processInstanceBusinessKey(tenderId)
                .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
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

        // The draw is held back: before it has read its list, the value is refused and stays unknown to the server.
        List<org.camunda.bpm.engine.management.JobDefinition> drawJobs = management.createJobDefinitionQuery()
                .activityIdIn("DrawVenues").list();
        drawJobs.forEach(definition -> management.suspendJobDefinitionById(definition.getId(), true));
        String contributionId;
        try {
            JsonNode committed = api.read(api.post(SUPERVISOR, path, Map.of("commitment", commitment)).andExpect(status().isCreated()));
            contributionId = committed.get("id").asText();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tenderId).list()).isEmpty();
            api.post(SUPERVISOR, path + "/" + contributionId + "/reveal", Map.of("value", value, "salt", salt))
                    .andExpect(status().isConflict());
            assertThat(progress(path).path("contribution").path("state").asText()).isEqualTo("COMMITTED");
        } finally {
            drawJobs.forEach(definition -> management.activateJobDefinitionById(definition.getId(), true));
        }

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

        // After the evaluation the record is exported, and the verifier jar checks the value against the commitment.
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> events.publishEvent(new EvaluationEnded(tenderId, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.read(api.get(SUPERVISOR, "/api/draws/" + venues.id()))
                .get("revealed").asBoolean());
        byte[] document = api.get(SUPERVISOR, "/api/draws/" + venues.id() + "/export").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Path file = Files.write(directory.resolve("supervised.json"), document);
        StandaloneVerifierIntegrationTest.Run run = StandaloneVerifierIntegrationTest.runJar(
                StandaloneVerifierIntegrationTest.verifierJar(), file.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("[注意 NOTE] 本次抽取混入了行政监督人员的随机数", StandaloneVerifier.REPRODUCED)
                .doesNotContain("FAIL");
    }

    @Test
    void aDrawThatLearnedTheValueAndThenFailedRunsAgainOnANewCommitmentWithoutATask() throws Exception {
        tenderId = api.register(TenderBody.valid().with("mainCenter", "DXAL")).get("id").asText();
        String path = "/api/tenders/" + tenderId + "/draw-entropy";
        List<org.camunda.bpm.engine.management.JobDefinition> drawJobs = management.createJobDefinitionQuery()
                .activityIdIn("DrawVenues").list();
        drawJobs.forEach(definition -> management.suspendJobDefinitionById(definition.getId(), true));
        String salt = java.util.UUID.randomUUID().toString().replace("-", "");
        try {
            String first = api.read(api.post(SUPERVISOR, path, Map.of("commitment",
                    SupervisorContributionCheck.commitmentOf("第一次", salt))).andExpect(status().isCreated())).get("id").asText();
            // As a draw leaves it that learned the value and died before its record: the value is used up.
            jdbc.sql("UPDATE supervisor_entropy SET state = 'REVEALED', revealed_value = ?, salt = ?, revealed_at = ? WHERE id = ?")
                    .params("第一次", salt, java.sql.Timestamp.from(Instant.now()), first).update();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tenderId).list()).isEmpty();
            api.get(SUPERVISOR, path).andExpect(jsonPath("$.awaitedDraw").value("VENUE"));
        } finally {
            drawJobs.forEach(definition -> management.activateJobDefinitionById(definition.getId(), true));
        }

        DrawRecord venues = drawWithTheSupervisorsValue(path, "VENUE", "第二次");

        assertThat(NoticeText.contributions(venues.entropy()).get("supervisor"))
                .containsEntry("commitment", SupervisorContributionCheck.commitmentOf("第二次",
                        NoticeText.contributions(venues.entropy()).get("supervisor").get("salt")));
        api.get(SUPERVISOR, path).andExpect(jsonPath("$.awaitedDraw").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void theExpertDrawAtItsTimeWaitsForTheSupervisorToo() throws Exception {
        tenderId = api.register(TenderBody.valid().with("mainCenter", "DXAL")).get("id").asText();
        String path = "/api/tenders/" + tenderId + "/draw-entropy";
        drawWithTheSupervisorsValue(path, "VENUE", "骰子 6 5 4");
        await().atMost(Duration.ofSeconds(60)).until(() -> timer("AwaitExpertDraw") != null);

        management.executeJob(timer("AwaitExpertDraw").getId());

        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(tenderId).taskDefinitionKey(
                SupervisorEntropyTasks.BEFORE_EXPERT_DRAW).singleResult()).isNotNull();
        DrawRecord experts = drawWithTheSupervisorsValue(path, "EXPERT", "专家 3 1 2");
        assertThat(experts.kind()).isEqualTo(DrawKind.EXPERT);
        assertThat(store.forTender(tenderId)).extracting(DrawRecord::kind)
                .containsExactly(DrawKind.NOTICE, DrawKind.VENUE, DrawKind.NOTICE, DrawKind.EXPERT);
        assertThat(records.verifyChain().intact()).isTrue();
    }

    /** Commits a value for the awaited draw, reveals it once the draw has read its list; the finished draw's record. */
    private DrawRecord drawWithTheSupervisorsValue(String path, String kind, String value) throws Exception {
        api.get(SUPERVISOR, path).andExpect(status().isOk()).andExpect(jsonPath("$.awaitedDraw").value(kind));
        String salt = java.util.UUID.randomUUID().toString().replace("-", "");
        String commitment = SupervisorContributionCheck.commitmentOf(value, salt);
        String id = api.read(api.post(SUPERVISOR, path, Map.of("commitment", commitment)).andExpect(status().isCreated()))
                .get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> "AWAITING_REVEAL".equals(progress(path).path("contribution").path("state").asText()));
        api.post(SUPERVISOR, path + "/" + id + "/reveal", Map.of("value", value, "salt", salt)).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(path).path("contribution").hasNonNull("drawRecordId"));
        DrawRecord drawn = store.find(progress(path).path("contribution").path("drawRecordId").asText()).orElseThrow();
        assertThat(NoticeText.contributions(drawn.entropy()).get("supervisor")).containsEntry("value", value)
                .containsEntry("commitment", commitment);
        assertThat(verifier.verify(drawn, store.seedOf(drawn.id()).orElseThrow().seedHex()).verified()).isTrue();
        return drawn;
    }

    private org.camunda.bpm.engine.runtime.Job timer(String activityId) {
        org.camunda.bpm.engine.runtime.ProcessInstance lifecycle = runtime.createProcessInstanceQuery()
                .processDefinitionKey("tender-lifecycle").processInstanceBusinessKey(tenderId).singleResult();
        return management.createJobQuery().processInstanceId(lifecycle.getId()).timers().activityId(activityId).singleResult();
    }

    private JsonNode progress(String path) throws Exception {
        return api.read(api.get(SUPERVISOR, path).andExpect(status().isOk()));
    }
}
