package cn.hlj.remoteeval.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.testsupport.DatabaseUnderTest;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * Two nodes starting at once put the engine's authorizations and saved filters in place one after
 * the other: the second waits for the first to commit, then finds everything there and starts. Before
 * the start lock the second's update of a filter the first had just saved failed its start.
 */
@RemoteEvalIntegrationTest
class EngineAuthorizationsTogetherIntegrationTest {

    @Autowired
    EngineAuthorizations authorizations;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseUnderTest database;
    @Autowired
    FilterService filters;

    @Test
    void aNodeStartingWhileAnotherPutsTheFiltersInPlaceWaitsForItAndStarts() throws Exception {
        CountDownLatch firstHasWritten = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            authorizations.run(new DefaultApplicationArguments());
            firstHasWritten.countDown();
            await(firstMayCommit);
        }));
        try {
            assertThat(firstHasWritten.await(2, TimeUnit.MINUTES)).as("first node put its filters in place").isTrue();
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> authorizations.run(new DefaultApplicationArguments()));
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
            while (!second.isDone() && blockedSessions() == 0 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(50);
            }
            assertThat(second).as("the second node waits while the first has not committed").isNotDone();

            firstMayCommit.countDown();
            first.get(1, TimeUnit.MINUTES);
            second.get(1, TimeUnit.MINUTES);
        } finally {
            firstMayCommit.countDown();
        }
        for (String name : List.of("我的任务", "本中心待办", "即将到期", "已超期")) {
            assertThat(filters.createTaskFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
    }

    /**
     * Sessions waiting for a lock another one holds. MariaDB's lock tables need the PROCESS privilege the
     * test's account lacks; its own sessions' statements are visible, and one on the start lock or the
     * filters that has run for a second is waiting.
     */
    private long blockedSessions() {
        String waiting = database.isMySqlFamily()
                ? "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' AND TIME >= 1"
                        + " AND (INFO LIKE '%security_start_lock%' OR INFO LIKE '%ACT_RU_FILTER%')"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        return jdbc.sql(waiting).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
