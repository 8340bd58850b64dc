package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.notification.SmsOutbox;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** The outbox on the real database (H2 and MariaDB): the caller's transaction, idempotency, encryption at rest. */
@RemoteEvalIntegrationTest
class SmsOutboxIntegrationTest {

    @Autowired
    SmsOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PersonalDataCipher cipher;

    private static String key() {
        return "it-" + UUID.randomUUID();
    }

    private static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private long rows(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE idempotency_key = ?").param(key).query(Long.class)
                .single();
    }

    @Test
    void aSecondEnqueueWithTheSameKeyAnswersFalseAndLeavesOneRow() {
        String key = key();

        assertThat(outbox.enqueue(key, mobile(), "第一次")).isTrue();
        assertThat(outbox.enqueue(key, mobile(), "第二次")).isFalse();

        assertThat(rows(key)).isEqualTo(1);
        String text = jdbc.sql("SELECT text_enc FROM sms_outbox WHERE idempotency_key = ?").param(key)
                .query(String.class).single();
        assertThat(cipher.decrypt(text)).isEqualTo("第一次");
    }

    @Test
    void anEnqueueInsideATransactionThatRollsBackLeavesNothing() {
        String key = key();

        transactions.executeWithoutResult(status -> {
            assertThat(outbox.enqueue(key, mobile(), "回滚后不应发送")).isTrue();
            status.setRollbackOnly();
        });

        assertThat(rows(key)).isZero();
    }

    @Test
    void aQueuedMessageIsInvisibleToOtherConnectionsUntilTheCallerCommits() throws Exception {
        String key = key();
        CountDownLatch enqueued = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> transaction = caller.submit(() -> transactions.executeWithoutResult(status -> {
                outbox.enqueue(key, mobile(), "提交后才可见");
                enqueued.countDown();
                await(checked);
            }));
            await(enqueued);
            long seenBeforeCommit = rows(key);
            checked.countDown();
            transaction.get(30, TimeUnit.SECONDS);

            assertThat(seenBeforeCommit).isZero();
            assertThat(rows(key)).isEqualTo(1);
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void twoTransactionsQueuingTheSameKeyAtOnceQueueItOnce() throws Exception {
        String key = key();
        CountDownLatch firstInserted = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            // The first holds its uncommitted row while the second passes the existence check.
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
                boolean queued = outbox.enqueue(key, mobile(), "并发一");
                firstInserted.countDown();
                sleep(300);
                return queued;
            }), callers);
            await(firstInserted);
            CompletableFuture<Boolean> second = CompletableFuture
                    .supplyAsync(() -> transactions.execute(status -> outbox.enqueue(key, mobile(), "并发二")), callers);

            List<Boolean> answers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

            assertThat(answers).containsExactly(true, false);
            assertThat(rows(key)).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theRawColumnsHoldNoPlaintextMobileOrText() {
        String key = key();
        String mobile = mobile();
        String text = "金丝雀短信：请于2033年6月7日下午到牡丹江市公共资源交易中心（太平路88号）参加评标。";

        outbox.enqueue(key, mobile, text);

        Map<String, Object> row = jdbc.sql("SELECT * FROM sms_outbox WHERE idempotency_key = ?").param(key).query()
                .singleRow();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(mobile)
                .doesNotContain(mobile.substring(3)).doesNotContain("金丝雀").doesNotContain("太平路"));
        String mobileEnc = String.valueOf(column(row, "mobile_enc"));
        String textEnc = String.valueOf(column(row, "text_enc"));
        assertThat(cipher.decrypt(mobileEnc)).isEqualTo(mobile);
        assertThat(cipher.decrypt(textEnc)).isEqualTo(text);
    }

    private static Object column(Map<String, Object> row, String name) {
        return row.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).findFirst()
                .orElseThrow().getValue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
