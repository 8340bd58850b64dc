package cn.hlj.remoteeval.draw.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.draw.DrawKind;

@Repository
class JdbcSupervisorCommitments implements SupervisorCommitments {

    private static final String COLUMNS = "id, subject_id, draw_kind, commitment, committed_by, committed_at, state, notice_id, "
            + "awaiting_since, revealed_value, salt, revealed_at";

    private final JdbcClient jdbc;

    JdbcSupervisorCommitments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Commitment c) {
        // One commitment waits at a time per tender (the lifecycle's task), so the next number is never contended.
        int next = jdbc.sql("SELECT COALESCE(MAX(subject_seq), 0) + 1 FROM supervisor_entropy WHERE subject_id = ?")
                .param(c.subjectId()).query(Integer.class).single();
        jdbc.sql("INSERT INTO supervisor_entropy (id, subject_id, draw_kind, commitment, committed_by, committed_at, state, "
                + "subject_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.subjectId(), c.kind().name(), c.commitment(), c.committedBy(),
                        Timestamp.from(c.committedAt()), State.COMMITTED.name(), next)
                .update();
    }

    @Override
    public Optional<Commitment> byId(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supervisor_entropy WHERE id = ?").param(id).query(this::row).optional();
    }

    @Override
    public Optional<Commitment> byCommitment(String commitment) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supervisor_entropy WHERE commitment = ?").param(commitment)
                .query(this::row).optional();
    }

    @Override
    public Optional<Commitment> open(String subjectId, DrawKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supervisor_entropy WHERE subject_id = ? AND draw_kind = ? AND state <> ? "
                + "ORDER BY subject_seq DESC, committed_at DESC").params(subjectId, kind.name(), State.REVEALED.name())
                .query(this::row).list().stream().findFirst();
    }

    @Override
    public Optional<Commitment> latest(String subjectId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supervisor_entropy WHERE subject_id = ? ORDER BY subject_seq DESC, committed_at DESC")
                .param(subjectId).query(this::row).list().stream().findFirst();
    }

    @Override
    public boolean noticed(String commitment, String noticeId) {
        return jdbc.sql("UPDATE supervisor_entropy SET state = ?, notice_id = ?, awaiting_since = NULL "
                + "WHERE commitment = ? AND state <> ?")
                .params(State.NOTICED.name(), noticeId, commitment, State.REVEALED.name()).update() == 1;
    }

    @Override
    public boolean awaitReveal(String commitment, String noticeId, Instant since) {
        return jdbc.sql("UPDATE supervisor_entropy SET state = ?, awaiting_since = ? WHERE commitment = ? AND notice_id = ? AND state = ?")
                .params(State.AWAITING_REVEAL.name(), Timestamp.from(since), commitment, noticeId, State.NOTICED.name())
                .update() == 1;
    }

    @Override
    public boolean reveal(String id, String value, String salt, Instant at) {
        return jdbc.sql("UPDATE supervisor_entropy SET state = ?, revealed_value = ?, salt = ?, revealed_at = ? WHERE id = ? AND state = ?")
                .params(State.REVEALED.name(), value, salt, Timestamp.from(at), id, State.AWAITING_REVEAL.name())
                .update() == 1;
    }

    @Override
    public boolean stopWaiting(String commitment, String noticeId) {
        return jdbc.sql("UPDATE supervisor_entropy SET state = ?, notice_id = NULL, awaiting_since = NULL "
                + "WHERE commitment = ? AND notice_id = ? AND state = ?")
                .params(State.COMMITTED.name(), commitment, noticeId, State.AWAITING_REVEAL.name()).update() == 1;
    }

    private Commitment row(ResultSet rs, int n) throws SQLException {
        return new Commitment(rs.getString("id"), rs.getString("subject_id"), DrawKind.valueOf(rs.getString("draw_kind")),
                rs.getString("commitment"), rs.getString("committed_by"), instant(rs, "committed_at"),
                State.valueOf(rs.getString("state")), rs.getString("notice_id"), instant(rs, "awaiting_since"),
                rs.getString("revealed_value"), rs.getString("salt"), instant(rs, "revealed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
