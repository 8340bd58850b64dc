package cn.hlj.remoteeval.draw.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import cn.hlj.remoteeval.draw.internal.SupervisorCommitments.Commitment;
import cn.hlj.remoteeval.draw.internal.SupervisorCommitments.State;

/**
 * A supervisor's own entropy (seed derivation v2 §2.3): a value they type or roll on site. Their browser
 * commits {@code SHA-256(value LF salt)} before the draw, so the server learns nothing it could steer by; the
 * notice binds that commitment; the draw reads its eligible list and only then asks for the value, which the
 * supervisor's page reveals. A commitment is planned by the draw of its subject and kind while its value is
 * unknown, and never again once revealed.
 *
 * <p>Plan: {@code commitment}. Contribution: {@code commitment}, {@code value}, {@code salt} and
 * {@code revealedAt} (when the server learned the value; not before the list was read).
 */
class SupervisorEntropy implements EntropySource {

    static final String ID = "supervisor";

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SALT = Pattern.compile("[0-9a-f]{32}");
    private static final int LONGEST_VALUE = 64;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(SupervisorEntropy.class);

    private final SupervisorCommitments commitments;
    private final Duration revealTimeout;
    private final Clock clock;
    private final TransactionOperations newTransaction;

    /**
     * @param newTransaction a {@code REQUIRES_NEW} template: the draw's own transaction would not see the reveal
     *        another request commits, and the page must see that the list has been read before the draw ends
     */
    SupervisorEntropy(SupervisorCommitments commitments, Duration revealTimeout, Clock clock,
            TransactionOperations newTransaction) {
        this.commitments = commitments;
        this.revealTimeout = revealTimeout;
        this.clock = clock;
        this.newTransaction = newTransaction;
    }

    /** For checking recorded contributions only (the chain check elsewhere, the standalone verifier). */
    static SupervisorEntropy forChecking() {
        return new SupervisorEntropy(null, Duration.ZERO, null, null);
    }

    /** The commitment the supervisor's browser computes: lowercase hex SHA-256 of UTF-8 {@code value LF salt}. */
    static String commitmentOf(String value, String salt) {
        return Hashes.hex(Hashes.sha256((value + "\n" + salt).getBytes(StandardCharsets.UTF_8)));
    }

    static boolean wellFormedCommitment(String commitment) {
        return commitment != null && HEX_64.matcher(commitment).matches();
    }

    /** A value is 1 to 64 characters of one line, without surrounding blanks; the salt 32 lowercase hex digits. */
    static Optional<String> valueFault(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("随机数不能为空");
        }
        if (value.length() > LONGEST_VALUE) {
            return Optional.of("随机数不能超过 " + LONGEST_VALUE + " 个字符");
        }
        if (!value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("随机数不能含换行等控制字符，首尾不能有空格");
        }
        return Optional.empty();
    }

    static boolean wellFormedSalt(String salt) {
        return salt != null && SALT.matcher(salt).matches();
    }

    @Override
    public String id() {
        return ID;
    }

    /** Whether a commitment waits for the draw of {@code kind} about {@code subjectId}. */
    boolean committedFor(NoticeDraft notice) {
        return commitments.open(notice.subjectId(), notice.kind()).isPresent();
    }

    @Override
    public Optional<SortedMap<String, String>> plan(NoticeDraft notice) {
        // Runs in the notice's own transaction: the commitment is bound to the notice exactly when the notice commits.
        Optional<Commitment> open = commitments.open(notice.subjectId(), notice.kind());
        if (open.isEmpty() || !commitments.noticed(open.get().commitment(), notice.noticeId())) {
            return Optional.empty();
        }
        SortedMap<String, String> plan = new TreeMap<>();
        plan.put("commitment", open.get().commitment());
        return Optional.of(plan);
    }

    @Override
    public SortedMap<String, String> collect(SortedMap<String, String> plan, Instant snapshotAt) {
        String commitment = plan.get("commitment");
        Commitment planned = inNewTransaction(() -> commitments.byCommitment(commitment))
                .orElseThrow(() -> new EntropyUnavailableException("the supervisor's commitment the notice planned is gone"));
        String noticeId = planned.noticeId();
        Instant since = clock.instant();
        if (!Boolean.TRUE.equals(newTransaction.execute(status -> commitments.awaitReveal(commitment, noticeId, since)))) {
            throw new EntropyUnavailableException("the supervisor's commitment is no longer planned by this draw's notice");
        }
        log.info("Draw notice {}: list read, waiting up to {} for the supervisor's value", noticeId, revealTimeout);
        long deadline = System.nanoTime() + revealTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Commitment> revealed = inNewTransaction(() -> commitments.byCommitment(commitment))
                    .filter(c -> c.state() == State.REVEALED);
            if (revealed.isPresent()) {
                return contribution(revealed.get());
            }
            pause();
        }
        if (Boolean.TRUE.equals(newTransaction.execute(status -> commitments.stopWaiting(commitment, noticeId)))) {
            throw new EntropyUnavailableException("the supervisor did not reveal the value within " + revealTimeout);
        }
        // Revealed in the last instant: the value is known, so it must be this draw that uses it.
        return inNewTransaction(() -> commitments.byCommitment(commitment)).filter(c -> c.state() == State.REVEALED)
                .map(SupervisorEntropy::contribution)
                .orElseThrow(() -> new EntropyUnavailableException("the supervisor's commitment changed while the draw waited"));
    }

    private static SortedMap<String, String> contribution(Commitment revealed) {
        SortedMap<String, String> contribution = new TreeMap<>();
        contribution.put("commitment", revealed.commitment());
        contribution.put("value", revealed.value());
        contribution.put("salt", revealed.salt());
        contribution.put("revealedAt", revealed.revealedAt().toString());
        return contribution;
    }

    @Override
    public Optional<String> check(SortedMap<String, String> plan, SortedMap<String, String> contribution, Instant snapshotAt) {
        String commitment = plan.get("commitment");
        if (!wellFormedCommitment(commitment) || !commitment.equals(contribution.get("commitment"))) {
            return Optional.of("监督人员随机数的承诺值与公告不符。");
        }
        String value = contribution.get("value");
        String salt = contribution.get("salt");
        if (valueFault(value).isPresent() || !wellFormedSalt(salt) || !commitment.equals(commitmentOf(value, salt))) {
            return Optional.of("监督人员揭示的随机数与其事先提交的承诺不符。");
        }
        Instant revealedAt;
        try {
            revealedAt = Instant.parse(contribution.get("revealedAt"));
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return Optional.of("监督人员随机数的揭示时间无法读取。");
        }
        if (snapshotAt == null || revealedAt.isBefore(snapshotAt)) {
            return Optional.of("监督人员的随机数在读取候选名单之前已经揭示。");
        }
        return Optional.empty();
    }

    private <T> T inNewTransaction(java.util.function.Supplier<T> read) {
        return newTransaction.execute(status -> read.get());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EntropyUnavailableException("interrupted while waiting for the supervisor's value", e);
        }
    }
}
