package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * <p>What plan and contribution hold, and how a recorded one is checked: {@link SupervisorContributionCheck}.
 */
class SupervisorEntropy extends SupervisorContributionCheck {

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
    public SortedMap<String, String> collect(String noticeId, SortedMap<String, String> plan, Instant snapshotAt) {
        String commitment = plan.get("commitment");
        Instant since = clock.instant();
        if (!inNewTransaction(() -> commitments.awaitReveal(commitment, noticeId, since))) {
            throw new EntropyUnavailableException("the supervisor's commitment is no longer planned by this draw's notice");
        }
        log.info("Draw notice {}: list read, waiting up to {} for the supervisor's value", noticeId, revealTimeout);
        long deadline = System.nanoTime() + revealTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Commitment> revealed = inNewTransaction(() -> commitments.byCommitment(commitment))
                    .filter(c -> c.state() == State.REVEALED && noticeId.equals(c.noticeId()));
            if (revealed.isPresent()) {
                return contribution(revealed.get());
            }
            pause();
        }
        if (inNewTransaction(() -> commitments.stopWaiting(commitment, noticeId))) {
            throw new EntropyUnavailableException("the supervisor did not reveal the value within " + revealTimeout);
        }
        // Revealed in the last instant: the value is known, so it must be this draw that uses it.
        return inNewTransaction(() -> commitments.byCommitment(commitment))
                .filter(c -> c.state() == State.REVEALED && noticeId.equals(c.noticeId()))
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


    private <T> T inNewTransaction(java.util.function.Supplier<T> work) {
        return newTransaction.execute(status -> work.get());
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
