package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;

/**
 * The dispatcher against the real outbox SQL on an in-memory H2, with a clock the test moves and a
 * gateway that answers as scripted: attempts, back-off times, give-up rules and claims.
 */
class SmsDispatcherUnitTest {

    private static final String MOBILE = "13912345678";
    private static final String TEXT = "请于2031年3月5日上午8:30到哈尔滨市公共资源交易中心（中山路1号）参加评标。";
    private static final Instant START = Instant.parse("2031-03-01T01:00:00Z");
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofMinutes(30), 8);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private static OutboxDatabase db;

    private final TestCipher cipher = new TestCipher();
    private final MutableClock clock = new MutableClock(START);
    private JdbcSmsOutboxStore store;
    private JdbcSmsOutbox outbox;
    private ScriptedGateway gateway;
    private CapturedLogs logs;

    @BeforeAll
    static void database() {
        db = new OutboxDatabase();
    }

    @BeforeEach
    void setUp() {
        db.clear();
        store = new JdbcSmsOutboxStore(db.jdbc);
        outbox = new JdbcSmsOutbox(store, cipher, clock);
        gateway = new ScriptedGateway();
        logs = new CapturedLogs();
    }

    @AfterEach
    void noLogLineCarriesTheMobileTheTextOrTheKey() {
        logs.close();
        assertThat(logs.lines()).noneMatch(line -> line.contains(MOBILE) || line.contains(TEXT)
                || line.contains("13900000000") || line.contains("invite-"));
    }

    private SmsDispatcher dispatcher(RetryPolicy retry) {
        return new SmsDispatcher(store, cipher, gateway, retry, clock, 50, CLAIM);
    }

    @Test
    void sendsAQueuedMessageWithItsIdempotencyKeyAndMarksItSentWithTheGatewaysId() {
        outbox.enqueue("invite-1", MOBILE, TEXT);

        assertThat(dispatcher(RETRY).dispatchDue()).isEqualTo(1);

        assertThat(gateway.calls).singleElement().satisfies(sms -> {
            assertThat(sms.idempotencyKey()).isEqualTo("invite-1");
            assertThat(sms.mobile()).isEqualTo(MOBILE);
            assertThat(sms.text()).isEqualTo(TEXT);
            assertThat(sms.toString()).doesNotContain(MOBILE).doesNotContain(TEXT);
        });
        assertThat(db.state("invite-1")).isEqualTo("SENT");
        assertThat(db.attempts("invite-1")).isEqualTo(1);
        assertThat(db.column("invite-1", "gateway_message_id")).isEqualTo("gw-1");
        assertThat(db.instant("invite-1", "sent_at")).isEqualTo(START);
        assertThat(dispatcher(RETRY).dispatchDue()).isZero();
        assertThat(gateway.calls).hasSize(1);
    }

    @Test
    void aGatewayFailingTwiceThenSucceedingGivesSentAfterExactlyThreeAttemptsWithTheConfiguredBackoff() {
        gateway.then(new GatewayResult.Retryable("HTTP 503"), new GatewayResult.Retryable("http: HttpTimeoutException"));
        outbox.enqueue("invite-2", MOBILE, TEXT);
        SmsDispatcher dispatcher = dispatcher(RETRY);

        dispatcher.dispatchDue();
        assertThat(db.state("invite-2")).isEqualTo("PENDING");
        assertThat(db.attempts("invite-2")).isEqualTo(1);
        assertThat(db.column("invite-2", "last_error")).isEqualTo("HTTP 503");
        assertThat(db.instant("invite-2", "next_attempt_at")).isEqualTo(START.plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.dispatchDue()).as("not due before its back-off").isZero();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(db.attempts("invite-2")).isEqualTo(2);
        assertThat(db.instant("invite-2", "next_attempt_at")).isEqualTo(START.plusSeconds(30 + 60));

        clock.advance(Duration.ofSeconds(59));
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();

        assertThat(db.state("invite-2")).isEqualTo("SENT");
        assertThat(db.attempts("invite-2")).isEqualTo(3);
        assertThat(db.column("invite-2", "last_error")).isNull();
        assertThat(db.instant("invite-2", "sent_at")).isEqualTo(START.plusSeconds(90));
        assertThat(gateway.calls).hasSize(3).extracting(OutgoingSms::idempotencyKey).containsOnly("invite-2");
    }

    @Test
    void afterMaxAttemptsTheMessageIsFailedAndTheWarningNamesOnlyTheOutboxId() {
        for (int i = 0; i < 8; i++) {
            gateway.then(new GatewayResult.Retryable("HTTP 500"));
        }
        outbox.enqueue("invite-3", MOBILE, TEXT);
        String id = db.column("invite-3", "id");
        SmsDispatcher dispatcher = dispatcher(RETRY);

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
            if (attempt < 8) {
                Instant next = db.instant("invite-3", "next_attempt_at");
                waits.add(Duration.between(clock.instant(), next));
                clock.set(next);
            }
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(480), Duration.ofSeconds(960), Duration.ofMinutes(30));
        assertThat(db.state("invite-3")).isEqualTo("FAILED");
        assertThat(db.attempts("invite-3")).isEqualTo(8);
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(gateway.calls).hasSize(8);
        assertThat(logs.events()).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).contains(id).contains("failed"));
    }

    @Test
    void aPermanentRejectionFailsTheMessageAtOnce() {
        gateway.then(new GatewayResult.Permanent("HTTP 400"));
        outbox.enqueue("invite-4", MOBILE, TEXT);
        SmsDispatcher dispatcher = dispatcher(RETRY);

        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();

        assertThat(db.state("invite-4")).isEqualTo("FAILED");
        assertThat(db.attempts("invite-4")).isEqualTo(1);
        assertThat(db.column("invite-4", "last_error")).isEqualTo("HTTP 400");
        assertThat(gateway.calls).hasSize(1);
    }

    @Test
    void aGatewayExceptionIsRetriedAndItsMessageIsNotKept() {
        gateway.thenThrow(new IllegalStateException("provider refused 13900000000"));
        outbox.enqueue("invite-5", "13900000000", TEXT);

        dispatcher(RETRY).dispatchDue();

        assertThat(db.state("invite-5")).isEqualTo("PENDING");
        assertThat(db.column("invite-5", "last_error")).isEqualTo("gateway error: IllegalStateException");
    }

    @Test
    void anExpiredClaimIsTakenOverAndResentWithTheSameIdempotencyKey() {
        outbox.enqueue("invite-6", MOBILE, TEXT);
        // A node claims the message and dies before it reports the outcome.
        JdbcSmsOutboxStore.Due due = store.due(clock.instant(), 10).get(0);
        JdbcSmsOutboxStore.Claimed dead = store.claim(due, "dead-node", clock.instant(), clock.instant().plus(CLAIM))
                .orElseThrow();
        SmsDispatcher survivor = dispatcher(RETRY);

        assertThat(survivor.dispatchDue()).as("claimed by the other node").isZero();
        clock.advance(CLAIM);
        assertThat(survivor.dispatchDue()).isEqualTo(1);

        assertThat(gateway.calls).singleElement().extracting(OutgoingSms::idempotencyKey).isEqualTo("invite-6");
        assertThat(db.state("invite-6")).isEqualTo("SENT");
        assertThat(db.attempts("invite-6")).isEqualTo(2);
        assertThat(store.markRetry(dead, "dead-node", "late", clock.instant()))
                .as("the dead node's late report changes nothing").isFalse();
        assertThat(db.state("invite-6")).isEqualTo("SENT");
    }

    @Test
    void aClaimAbandonedOnTheLastAttemptFailsTheMessageWithoutSendingAgain() {
        outbox.enqueue("invite-7", MOBILE, TEXT);
        JdbcSmsOutboxStore.Due due = store.due(clock.instant(), 10).get(0);
        store.claim(due, "dead-node", clock.instant(), clock.instant().plus(CLAIM)).orElseThrow();
        clock.advance(CLAIM.plusSeconds(1));

        dispatcher(new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofMinutes(30), 1)).dispatchDue();

        assertThat(db.state("invite-7")).isEqualTo("FAILED");
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void aMessageThatCannotBeDecryptedFailsWithoutReachingTheGateway() {
        outbox.enqueue("invite-8", MOBILE, TEXT);
        db.jdbc.sql("UPDATE sms_outbox SET text_enc = 't1:AAAA' WHERE idempotency_key = 'invite-8'").update();

        dispatcher(RETRY).dispatchDue();

        assertThat(db.state("invite-8")).isEqualTo("FAILED");
        assertThat(db.column("invite-8", "last_error")).isEqualTo("cannot decrypt: IllegalStateException");
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void dueMessagesAreSentOldestFirstInBatches() {
        for (int i = 0; i < 5; i++) {
            outbox.enqueue("batch-" + i, MOBILE, TEXT + i);
            clock.advance(Duration.ofSeconds(1));
        }
        SmsDispatcher dispatcher = new SmsDispatcher(store, cipher, gateway, RETRY, clock, 2, CLAIM);

        assertThat(dispatcher.dispatchDue()).isEqualTo(2);
        assertThat(dispatcher.dispatchDue()).isEqualTo(2);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        assertThat(gateway.calls).extracting(OutgoingSms::idempotencyKey).containsExactly("batch-0", "batch-1",
                "batch-2", "batch-3", "batch-4");
    }
}
