package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * Dispatchers on several threads against the real database (H2 and MariaDB), standing in for
 * several nodes: each message reaches the gateway once. The test's outbox and dispatchers share a
 * clock set far in the past, so only this test's messages are due for them and nothing else in
 * the shared database is touched.
 */
@RemoteEvalIntegrationTest
class SmsDispatchRaceIntegrationTest {

    private static final int MESSAGES = 60;
    private static final Duration CLAIM = Duration.ofMinutes(2);

    @Autowired
    JdbcSmsOutboxStore store;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    SmsProperties properties;
    @Autowired
    JdbcClient jdbc;

    /** Counts sends per idempotency key; slow enough for the dispatchers to overlap. */
    static final class CountingGateway implements SmsGateway {

        final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();

        @Override
        public GatewayResult send(OutgoingSms sms) {
            sends.computeIfAbsent(sms.idempotencyKey(), key -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new GatewayResult.Sent("race-" + sms.outboxId());
        }
    }

    private static MutableClock pastClock() {
        // A distinct second per run in 1991..2000: before anything the application itself queues.
        long day = ThreadLocalRandom.current().nextLong(0, 3_600);
        return new MutableClock(Instant.parse("1991-01-01T00:00:00Z").plus(Duration.ofDays(day))
                .plusSeconds(ThreadLocalRandom.current().nextInt(0, 80_000)));
    }

    private List<String> enqueue(MutableClock clock, String prefix) {
        JdbcSmsOutbox outbox = new JdbcSmsOutbox(store, cipher, clock);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String key = prefix + "-" + UUID.randomUUID();
            outbox.enqueue(key, "1360000" + String.format("%04d", i), "竞争测试短信 " + i);
            keys.add(key);
        }
        return keys;
    }

    /** Each thread dispatches until nothing is due for it; answers the messages each handled. */
    private List<Integer> race(List<SmsDispatcher> dispatchers, MutableClock clock) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(dispatchers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> handled = new ArrayList<>();
            for (SmsDispatcher dispatcher : dispatchers) {
                handled.add(threads.submit(() -> {
                    start.await();
                    int total = 0;
                    while (!store.due(clock.instant(), 1).isEmpty()) {
                        total += dispatcher.dispatchDue();
                    }
                    return total;
                }));
            }
            start.countDown();
            List<Integer> totals = new ArrayList<>();
            for (Future<Integer> future : handled) {
                totals.add(future.get(120, TimeUnit.SECONDS));
            }
            return totals;
        } finally {
            threads.shutdownNow();
        }
    }

    private List<String> states(List<String> keys) {
        return keys.stream().map(key -> jdbc.sql("SELECT state FROM sms_outbox WHERE idempotency_key = ?").param(key)
                .query(String.class).single()).toList();
    }

    @Test
    void twoDispatchersRacingOnTheSameMessagesSendEachMessageOnce() throws Exception {
        MutableClock clock = pastClock();
        List<String> keys = enqueue(clock, "race");
        CountingGateway gateway = new CountingGateway();
        RetryPolicy retry = properties.retry().policy();
        List<SmsDispatcher> dispatchers = List.of(new SmsDispatcher(store, cipher, gateway, retry, clock, 7, CLAIM),
                new SmsDispatcher(store, cipher, gateway, retry, clock, 7, CLAIM));

        List<Integer> handled = race(dispatchers, clock);

        assertThat(keys).allSatisfy(key -> assertThat(gateway.sends.get(key)).as(key).hasValue(1));
        assertThat(gateway.sends).hasSize(MESSAGES);
        assertThat(states(keys)).containsOnly("SENT");
        assertThat(handled.stream().mapToInt(Integer::intValue).sum()).isEqualTo(MESSAGES);
    }

    @Test
    void dispatchersTakingOverClaimsOfADeadNodeSendEachMessageOnce() throws Exception {
        MutableClock clock = pastClock();
        List<String> keys = enqueue(clock, "takeover");
        for (JdbcSmsOutboxStore.Due due : store.due(clock.instant(), MESSAGES)) {
            assertThat(store.claim(due, "dead-node", clock.instant(), clock.instant().plus(CLAIM))).isPresent();
        }
        clock.advance(CLAIM);
        CountingGateway gateway = new CountingGateway();
        RetryPolicy retry = properties.retry().policy();
        List<SmsDispatcher> dispatchers = List.of(new SmsDispatcher(store, cipher, gateway, retry, clock, 5, CLAIM),
                new SmsDispatcher(store, cipher, gateway, retry, clock, 5, CLAIM),
                new SmsDispatcher(store, cipher, gateway, retry, clock, 5, CLAIM));

        race(dispatchers, clock);

        assertThat(keys).allSatisfy(key -> assertThat(gateway.sends.get(key)).as(key).hasValue(1));
        assertThat(states(keys)).containsOnly("SENT");
        assertThat(keys).extracting(key -> jdbc.sql("SELECT attempts FROM sms_outbox WHERE idempotency_key = ?")
                .param(key).query(Integer.class).single()).as("the dead node's claim counts as an attempt").containsOnly(2);
    }

    @Test
    void aMessageFailingTwiceIsSentOnTheThirdAttemptAtTheConfiguredBackOffTimes() {
        MutableClock clock = pastClock();
        Instant start = clock.instant();
        String key = "backoff-" + UUID.randomUUID();
        new JdbcSmsOutbox(store, cipher, clock).enqueue(key, "13600009999", "退避测试");
        ScriptedGateway gateway = new ScriptedGateway().then(new GatewayResult.Retryable("HTTP 503"),
                new GatewayResult.Retryable("HTTP 502"));
        RetryPolicy retry = properties.retry().policy();
        SmsDispatcher dispatcher = new SmsDispatcher(store, cipher, gateway, retry, clock, 10, CLAIM);
        Duration first = retry.backoffAfter(1);
        Duration second = retry.backoffAfter(2);

        dispatcher.dispatchDue();
        clock.advance(first.minusSeconds(1));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        clock.advance(second.minusSeconds(1));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();

        assertThat(first).isEqualTo(Duration.ofSeconds(30));
        assertThat(second).isEqualTo(Duration.ofSeconds(60));
        assertThat(gateway.calls).hasSize(3);
        Map<String, Object> row = jdbc.sql("SELECT state, attempts, sent_at FROM sms_outbox WHERE idempotency_key = ?")
                .param(key).query((rs, n) -> Map.<String, Object>of("state", rs.getString(1), "attempts", rs.getInt(2),
                        "sentAt", rs.getTimestamp(3).toInstant()))
                .single();
        assertThat(row).containsEntry("state", "SENT").containsEntry("attempts", 3).containsEntry("sentAt",
                start.plus(first).plus(second));
    }
}
