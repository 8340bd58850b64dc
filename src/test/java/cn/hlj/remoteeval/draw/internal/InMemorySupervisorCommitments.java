package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import cn.hlj.remoteeval.draw.DrawKind;

/** The supervisors' commitments in memory, with the same guarded transitions as the table. */
final class InMemorySupervisorCommitments implements SupervisorCommitments {

    private final Map<String, Commitment> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(Commitment commitment) {
        if (byCommitment(commitment.commitment()).isPresent()) {
            throw new IllegalStateException("duplicate commitment");
        }
        byId.put(commitment.id(), commitment);
    }

    @Override
    public synchronized Optional<Commitment> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Commitment> byCommitment(String commitment) {
        return byId.values().stream().filter(c -> c.commitment().equals(commitment)).findFirst();
    }

    @Override
    public synchronized Optional<Commitment> open(String subjectId, DrawKind kind) {
        return newest(c -> c.subjectId().equals(subjectId) && c.kind() == kind && c.state() != State.REVEALED);
    }

    @Override
    public synchronized Optional<Commitment> latest(String subjectId) {
        return newest(c -> c.subjectId().equals(subjectId));
    }

    @Override
    public synchronized boolean noticed(String commitment, String noticeId) {
        return change(commitment, c -> c.state() != State.REVEALED, c -> with(c, State.NOTICED, noticeId, null, null, null, null));
    }

    @Override
    public synchronized boolean awaitReveal(String commitment, String noticeId, Instant since) {
        return change(commitment, c -> c.state() == State.NOTICED && noticeId.equals(c.noticeId()),
                c -> with(c, State.AWAITING_REVEAL, noticeId, since, null, null, null));
    }

    @Override
    public synchronized boolean reveal(String id, String value, String salt, Instant at) {
        Commitment c = byId.get(id);
        return c != null && change(c.commitment(), x -> x.state() == State.AWAITING_REVEAL,
                x -> with(x, State.REVEALED, x.noticeId(), x.awaitingSince(), value, salt, at));
    }

    @Override
    public synchronized boolean stopWaiting(String commitment, String noticeId) {
        return change(commitment, c -> c.state() == State.AWAITING_REVEAL && noticeId.equals(c.noticeId()),
                c -> with(c, State.COMMITTED, null, null, null, null, null));
    }

    /** The last added, as the table's per-subject number orders them (times may tie to the second). */
    private Optional<Commitment> newest(Predicate<Commitment> which) {
        return byId.values().stream().filter(which).reduce((earlier, later) -> later);
    }

    private boolean change(String commitment, Predicate<Commitment> guard, UnaryOperator<Commitment> to) {
        Optional<Commitment> found = byCommitment(commitment).filter(guard);
        found.ifPresent(c -> byId.put(c.id(), to.apply(c)));
        return found.isPresent();
    }

    private static Commitment with(Commitment c, State state, String noticeId, Instant since, String value, String salt,
            Instant revealedAt) {
        return new Commitment(c.id(), c.subjectId(), c.kind(), c.commitment(), c.committedBy(), c.committedAt(), state, noticeId,
                since, value, salt, revealedAt);
    }
}
