package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.Optional;

import cn.hlj.remoteeval.draw.DrawKind;

/**
 * The supervisors' entropy commitments (table {@code supervisor_entropy}). Every change of state is a guarded
 * update that says whether it took place, so that the draw and the supervisor's page, on different nodes, never
 * both win: a commitment is planned by one notice at a time and revealed once.
 */
interface SupervisorCommitments {

    enum State {
        /** Committed in the browser, waiting for its draw. */
        COMMITTED,
        /** A notice planned it; the draw has not read its list yet. */
        NOTICED,
        /** The draw has read its list and waits for the value. */
        AWAITING_REVEAL,
        /** Value and salt are known to the server: never planned again. */
        REVEALED
    }

    record Commitment(String id, String subjectId, DrawKind kind, String commitment, String committedBy,
            Instant committedAt, State state, String noticeId, Instant awaitingSince, String value, String salt,
            Instant revealedAt) {

        @Override
        public String toString() {
            // The value stays out of logs and messages.
            return "Commitment[" + id + ", " + kind + " of " + subjectId + ", " + state + "]";
        }
    }

    void add(Commitment commitment);

    Optional<Commitment> byId(String id);

    Optional<Commitment> byCommitment(String commitment);

    /** The newest commitment about {@code subjectId} and {@code kind} whose value the server does not know yet. */
    Optional<Commitment> open(String subjectId, DrawKind kind);

    /** The newest commitment about {@code subjectId}, of any kind and state. */
    Optional<Commitment> latest(String subjectId);

    /** Binds an unrevealed commitment to the notice that plans it (replacing an earlier attempt's notice). */
    boolean noticed(String commitment, String noticeId);

    /** NOTICED by {@code noticeId} to AWAITING_REVEAL: the draw has read its list. */
    boolean awaitReveal(String commitment, String noticeId, Instant since);

    /** AWAITING_REVEAL to REVEALED. */
    boolean reveal(String id, String value, String salt, Instant at);

    /** AWAITING_REVEAL by {@code noticeId} back to COMMITTED: the draw gave up waiting, the value is still unknown. */
    boolean stopWaiting(String commitment, String noticeId);
}
