package cn.hlj.remoteeval.draw.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.draw.DrawKind;

@Repository
class JdbcDrawStore implements DrawStore {

    private static final String SELECT_RECORD = "SELECT id, seq, kind, tender_id, algorithm, seed_commitment, "
            + "eligible_list, eligible_list_hash, request, result, actor, created_at, previous_hash, record_hash, "
            + "notice_id, notice_hash, entropy, snapshot_at FROM draw_record";

    /** Explicit: the record mapper probes camel-case column names first, and H2 traces every miss. */
    private final RowMapper<DrawRecord> record = (rs, row) -> {
        String id = rs.getString("id");
        return new DrawRecord(id, rs.getLong("seq"), DrawKind.valueOf(rs.getString("kind")), rs.getString("tender_id"),
                rs.getString("algorithm"), rs.getString("seed_commitment"), open("eligible_list", id, rs),
                rs.getString("eligible_list_hash"), open("request", id, rs), open("result", id, rs), rs.getString("actor"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("previous_hash"), rs.getString("record_hash"),
                rs.getString("notice_id"), rs.getString("notice_hash"), rs.getString("entropy"),
                rs.getTimestamp("snapshot_at") == null ? null : rs.getTimestamp("snapshot_at").toInstant());
    };

    private static final RowMapper<ChainHead> HEAD = (rs, row) -> new ChainHead(rs.getLong("last_seq"),
            rs.getString("last_hash"));

    private final JdbcClient jdbc;
    private final SealedColumns sealed;

    JdbcDrawStore(JdbcClient jdbc, SealedColumns sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    private String open(String column, String id, ResultSet rs) throws SQLException {
        return sealed.openOrNull("draw_record", column, id, rs.getString(column));
    }

    @Override
    public ChainHead lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM draw_chain_head WHERE id = 1 FOR UPDATE").query(HEAD).single();
    }

    @Override
    public Optional<ChainHead> tryLockHead() {
        try {
            return Optional.of(jdbc.sql("SELECT last_seq, last_hash FROM draw_chain_head WHERE id = 1 FOR UPDATE NOWAIT")
                    .query(HEAD).single());
        } catch (TransientDataAccessException held) {
            return Optional.empty();
        }
    }

    @Override
    public ChainHead head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM draw_chain_head WHERE id = 1").query(HEAD).single();
    }

    @Override
    public void insert(DrawRecord record) {
        jdbc.sql("INSERT INTO draw_record (id, seq, kind, tender_id, algorithm, seed_commitment, eligible_list, "
                + "eligible_list_hash, request, result, actor, created_at, previous_hash, record_hash, notice_id, notice_hash, "
                + "entropy, snapshot_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(record.id(), record.seq(), record.kind().name(), record.tenderId(), record.algorithm(),
                        record.seedCommitment(), sealed.seal(record.eligibleList()), record.eligibleListHash(),
                        sealed.seal(record.request()), sealed.seal(record.result()), record.actor(), Timestamp.from(record.createdAt()), record.previousHash(),
                        record.recordHash(), record.noticeId(), record.noticeHash(), record.entropy(),
                        record.snapshotAt() == null ? null : Timestamp.from(record.snapshotAt()))
                .update();
    }

    @Override
    public void moveHead(ChainHead from, ChainHead to) {
        int moved = jdbc.sql("UPDATE draw_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1 AND last_seq = ? "
                + "AND last_hash = ?").params(to.lastSeq(), to.lastHash(), from.lastSeq(), from.lastHash()).update();
        if (moved != 1) {
            throw new IllegalStateException("the draw chain head moved while it was locked");
        }
    }

    @Override
    public void insertSecret(String drawId, String secretHex) {
        jdbc.sql("INSERT INTO draw_seed (draw_id, seed_hex, revealed_at) VALUES (?, ?, NULL)")
                .params(drawId, secretHex).update();
    }

    @Override
    public List<DrawRecord> forTender(String tenderId) {
        return jdbc.sql(SELECT_RECORD + " WHERE tender_id = ? ORDER BY seq").param(tenderId).query(record).list();
    }

    @Override
    public Optional<DrawRecord> find(String drawId) {
        return jdbc.sql(SELECT_RECORD + " WHERE id = ?").param(drawId).query(record).optional();
    }

    @Override
    public Optional<SeedState> seedOf(String drawId) {
        return jdbc.sql("SELECT seed_hex, revealed_at FROM draw_seed WHERE draw_id = ?").param(drawId)
                .query((rs, row) -> {
                    Timestamp revealedAt = rs.getTimestamp("revealed_at");
                    return new SeedState(rs.getString("seed_hex"), revealedAt == null ? null : revealedAt.toInstant());
                })
                .optional();
    }

    @Override
    public List<DrawRecord> all() {
        return jdbc.sql(SELECT_RECORD + " ORDER BY seq").query(record).list();
    }

    @Override
    public Map<String, String> allSecrets() {
        Map<String, String> secrets = new HashMap<>();
        jdbc.sql("SELECT draw_id, seed_hex FROM draw_seed")
                .query((rs, row) -> secrets.put(rs.getString("draw_id"), rs.getString("seed_hex"))).list();
        return secrets;
    }

    @Override
    public int reveal(String tenderId, Instant revealedAt) {
        return jdbc.sql("UPDATE draw_seed SET revealed_at = ? WHERE revealed_at IS NULL "
                + "AND draw_id IN (SELECT id FROM draw_record WHERE tender_id = ?)")
                .params(Timestamp.from(revealedAt), tenderId).update();
    }
}
