package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * Seed derivation v2 on the real database (H2 and MariaDB): a draw's notice is committed, and seen from
 * another connection, while the draw itself has not committed; a draw that fails after its
 * notice leaves the notice behind, counted by the chain check.
 */
@RemoteEvalIntegrationTest
class DrawNoticeIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    VenueDraws draws;
    @Autowired
    DrawStore store;
    @Autowired
    DrawRecords records;
    @Autowired
    DrawVerifier verifier;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    private List<JobDefinition> drawJobs;
    private String tenderId;

    @BeforeEach
    void holdTheLifecyclesDrawJobs() {
        drawJobs = management.createJobDefinitionQuery().activityIdIn("DrawVenues").list();
        drawJobs.forEach(definition -> management.suspendJobDefinitionById(definition.getId(), true));
    }

    @AfterEach
    void releaseTheJobsAndRemoveTheTender() {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test cleanup"));
        drawJobs.forEach(definition -> management.activateJobDefinitionById(definition.getId(), true));
    }

    @Test
    void theNoticeIsCommittedAndVisibleWhileTheDrawIsStillRunning() throws Exception {
        LocalDate date = TenderBody.freshDate();
        tenderId = api.register(TenderBody.valid().with("evaluationDate", date.toString()).with("halfDay", "AM"))
                .get("id").asText();
        CountDownLatch tenderLocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Someone else is changing the tender: the draw stops when it moves the tender on, after it has read its
        // list and drawn, and before its record is appended.
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT id FROM tender WHERE id = ? FOR UPDATE").param(tenderId).query(String.class).single();
            tenderLocked.countDown();
            waitFor(release);
        }));
        assertThat(tenderLocked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> draw = CompletableFuture.supplyAsync(() -> draws.draw(tenderId));

        await().atMost(Duration.ofSeconds(30)).until(() -> kinds().contains(DrawKind.NOTICE.name()));
        // Give the draw the time to reach the tender's lock: the notice must still be all there is.
        Thread.sleep(500);
        assertThat(kinds()).containsExactly(DrawKind.NOTICE.name());
        assertThat(draw).isNotDone();
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertThat(draw.get(60, TimeUnit.SECONDS)).isTrue();

        List<DrawRecord> mine = store.forTender(tenderId);
        assertThat(mine).extracting(DrawRecord::kind).containsExactly(DrawKind.NOTICE, DrawKind.VENUE);
        DrawRecord notice = mine.get(0);
        DrawRecord venues = mine.get(1);
        assertThat(venues.algorithm()).isEqualTo(VenueDrawAlgorithm.ID_V2);
        assertThat(venues.noticeId()).isEqualTo(notice.id());
        assertThat(venues.snapshotAt()).isAfterOrEqualTo(notice.createdAt());
        assertThat(venues.entropy()).contains("sources=dev-beacon");
        // Read back from the database: the record hash covers the notice, the entropy and the snapshot time.
        String serverSeed = store.seedOf(venues.id()).orElseThrow().seedHex();
        assertThat(verifier.verify(venues, serverSeed).verified()).isTrue();
        assertThat(records.verifyChain().intact()).isTrue();
    }

    @Test
    void aDrawThatFailsAfterItsNoticeLeavesItBehindForTheChainCheckToCount() throws Exception {
        LocalDate date = TenderBody.freshDate();
        tenderId = api.register(TenderBody.valid().with("evaluationDate", date.toString()).with("halfDay", "PM"))
                .get("id").asText();
        assertThat(draws.draw(tenderId)).isTrue();
        long unusedBefore = records.verifyChain().unusedNotices();

        // The tender has left the venue draw: the second draw fails once it tries to move it on.
        assertThatThrownBy(() -> draws.draw(tenderId)).isInstanceOf(RuntimeException.class);

        assertThat(kinds()).containsExactly(DrawKind.NOTICE.name(), DrawKind.VENUE.name(), DrawKind.NOTICE.name());
        ChainVerification chain = records.verifyChain();
        assertThat(chain.intact()).isTrue();
        assertThat(chain.unusedNotices()).isEqualTo(unusedBefore + 1);
    }

    private List<String> kinds() {
        return jdbc.sql("SELECT kind FROM draw_record WHERE tender_id = ? ORDER BY seq").param(tenderId).query(String.class)
                .list();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
