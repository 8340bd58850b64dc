package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Enqueueing against the real outbox SQL on an in-memory H2: validation, idempotency, encryption. */
class SmsOutboxUnitTest {

    private static final String TEXT = "请于2031年3月5日上午8:30到齐齐哈尔市公共资源交易中心参加评标。";
    private static OutboxDatabase db;

    private final TestCipher cipher = new TestCipher();
    private JdbcSmsOutbox outbox;

    @BeforeAll
    static void database() {
        db = new OutboxDatabase();
    }

    @BeforeEach
    void setUp() {
        db.clear();
        outbox = new JdbcSmsOutbox(new JdbcSmsOutboxStore(db.jdbc), cipher,
                new MutableClock(Instant.parse("2031-03-01T01:00:00Z")));
    }

    private long rows() {
        return db.jdbc.sql("SELECT COUNT(*) FROM sms_outbox").query(Long.class).single();
    }

    @Test
    void aSecondEnqueueWithTheSameKeyAnswersFalseAndQueuesNothing() {
        assertThat(outbox.enqueue("notice-1", "13912345678", TEXT)).isTrue();
        assertThat(outbox.enqueue("notice-1", "13987654321", "另一条")).isFalse();

        assertThat(rows()).isEqualTo(1);
        assertThat(cipher.decrypt(db.column("notice-1", "mobile_enc"))).isEqualTo("13912345678");
    }

    @Test
    void queuesAPendingMessageDueAtOnceWithEncryptedMobileAndText() {
        outbox.enqueue("notice-2", "13912345678", TEXT);

        assertThat(db.state("notice-2")).isEqualTo("PENDING");
        assertThat(db.attempts("notice-2")).isZero();
        assertThat(db.instant("notice-2", "next_attempt_at")).isEqualTo(Instant.parse("2031-03-01T01:00:00Z"));
        assertThat(db.column("notice-2", "mobile_enc")).doesNotContain("13912345678");
        assertThat(db.column("notice-2", "text_enc")).doesNotContain("齐齐哈尔");
        assertThat(cipher.decrypt(db.column("notice-2", "text_enc"))).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "1391234567", "139123456789", "23912345678", "12912345678", "+8613912345678",
            "1391234567a", "139 1234 5678", "１３９１２３４５６７８" })
    void rejectsAMobileThatIsNotAnElevenDigitMainlandNumberWithoutQuotingIt(String mobile) {
        assertThatThrownBy(() -> outbox.enqueue("notice-3", mobile, TEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mobile").satisfies(e -> {
                    if (mobile != null && !mobile.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(mobile);
                    }
                });
        assertThat(rows()).isZero();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void rejectsAnEmptyText(String text) {
        assertThatThrownBy(() -> outbox.enqueue("notice-4", "13912345678", text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
        assertThat(rows()).isZero();
    }

    @Test
    void acceptsFiveHundredCharactersAndRejectsFiveHundredAndOne() {
        char[] chars = new char[500];
        Arrays.fill(chars, '评');
        String longest = new String(chars);

        assertThat(outbox.enqueue("notice-5", "13912345678", longest)).isTrue();
        assertThat(cipher.decrypt(db.column("notice-5", "text_enc"))).isEqualTo(longest);
        assertThatThrownBy(() -> outbox.enqueue("notice-6", "13912345678", longest + "标"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("评评");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void fiveHundredCharactersOutsideTheBasicPlaneFitTheColumnToo() {
        String emoji = "😀".repeat(500);

        assertThat(outbox.enqueue("notice-7", "13912345678", emoji)).isTrue();
        assertThat(cipher.decrypt(db.column("notice-7", "text_enc"))).isEqualTo(emoji);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "has space", "键", "tab\tkey" })
    void rejectsAnIdempotencyKeyThatCannotTravelInAnHttpHeader(String key) {
        assertThatThrownBy(() -> outbox.enqueue(key, "13912345678", TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void rejectsAnIdempotencyKeyLongerThanTheColumn() {
        assertThat(outbox.enqueue("k".repeat(128), "13912345678", TEXT)).isTrue();
        assertThatThrownBy(() -> outbox.enqueue("k".repeat(129), "13912345678", TEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
