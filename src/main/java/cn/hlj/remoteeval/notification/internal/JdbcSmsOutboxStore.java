package cn.hlj.remoteeval.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sms_outbox table. Every change of a claimed row is conditional on the claim (state, claimant
 * and attempts, which each claim increments), so a dispatcher whose claim expired and was taken
 * over cannot overwrite what the new claimant records. Times come from the caller's clock, never
 * from the database's, so that all nodes and the tests agree on what is due.
 */
@Repository
class JdbcSmsOutboxStore {

    /** A row that is due: PENDING and its time has come, or SENDING with an expired claim. */
    record Due(String id, OutboxState state, int attempts) {
    }

    /** A row this dispatcher holds, with its attempts after the claim. */
    record Claimed(String id, String idempotencyKey, String mobileEnc, String textEnc, int attempts) {

        @Override
        public String toString() {
            return "Claimed[id=" + id + ", attempts=" + attempts + "]";
        }
    }

    private static final String DUE_CONDITION = "((state = 'PENDING' AND next_attempt_at <= ?) "
            + "OR (state = 'SENDING' AND claimed_until <= ?))";

    /** The claim a row is still under when its claimant records the outcome. */
    private static final String HELD = "id = ? AND state = 'SENDING' AND claimed_by = ? AND attempts = ?";

    private static final RowMapper<Due> DUE = (rs, row) -> new Due(rs.getString("id"),
            OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"));

    private static final RowMapper<Claimed> CLAIMED = (rs, row) -> new Claimed(rs.getString("id"),
            rs.getString("idempotency_key"), rs.getString("mobile_enc"), rs.getString("text_enc"),
            rs.getInt("attempts"));

    private static final RowMapper<OutboxEntry> ENTRY = (rs, row) -> new OutboxEntry(rs.getString("id"),
            OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
            instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("last_error"));

    private final JdbcClient jdbc;

    JdbcSmsOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE idempotency_key = ?").param(idempotencyKey)
                .query(Long.class).single() > 0;
    }

    /** Throws DuplicateKeyException when a concurrent caller inserted the same key first. */
    void insert(String id, String idempotencyKey, String mobileEnc, String textEnc, Instant now) {
        jdbc.sql("INSERT INTO sms_outbox (id, idempotency_key, mobile_enc, text_enc, state, attempts, "
                + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                .params(id, idempotencyKey, mobileEnc, textEnc, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT id, state, attempts FROM sms_outbox WHERE " + DUE_CONDITION
                + " ORDER BY next_attempt_at, id LIMIT ?")
                .params(Timestamp.from(now), Timestamp.from(now), limit)
                .query(DUE).list();
    }

    /**
     * Takes the row for this claimant if it is still due and nobody changed it since it was read.
     * The database re-checks the condition under the row lock, so of two concurrent claimants
     * exactly one updates one row.
     */
    Optional<Claimed> claim(Due due, String claimant, Instant now, Instant claimedUntil) {
        int updated = jdbc.sql("UPDATE sms_outbox SET state = 'SENDING', attempts = attempts + 1, claimed_by = ?, "
                + "claimed_until = ? WHERE id = ? AND attempts = ? AND " + DUE_CONDITION)
                .params(claimant, Timestamp.from(claimedUntil), due.id(), due.attempts(), Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        if (updated != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, idempotency_key, mobile_enc, text_enc, attempts FROM sms_outbox "
                + "WHERE id = ? AND state = 'SENDING' AND claimed_by = ? AND attempts = ?")
                .params(due.id(), claimant, due.attempts() + 1)
                .query(CLAIMED).optional();
    }

    boolean markSent(Claimed claimed, String claimant, String gatewayMessageId, Instant now) {
        return jdbc.sql("UPDATE sms_outbox SET state = 'SENT', gateway_message_id = ?, sent_at = ?, "
                + "claimed_until = NULL, last_error = NULL WHERE " + HELD)
                .params(truncate(gatewayMessageId, 128), Timestamp.from(now), claimed.id(), claimant,
                        claimed.attempts())
                .update() == 1;
    }

    boolean markRetry(Claimed claimed, String claimant, String reason, Instant nextAttemptAt) {
        return jdbc.sql("UPDATE sms_outbox SET state = 'PENDING', next_attempt_at = ?, last_error = ?, "
                + "claimed_by = NULL, claimed_until = NULL WHERE " + HELD)
                .params(Timestamp.from(nextAttemptAt), truncate(reason, 200), claimed.id(), claimant,
                        claimed.attempts())
                .update() == 1;
    }

    boolean markFailed(Claimed claimed, String claimant, String reason) {
        return jdbc.sql("UPDATE sms_outbox SET state = 'FAILED', last_error = ?, claimed_until = NULL WHERE " + HELD)
                .params(truncate(reason, 200), claimed.id(), claimant, claimed.attempts())
                .update() == 1;
    }

    /** Gives up a row whose last allowed attempt was claimed by a node that never reported back. */
    boolean failAbandoned(Due due, String reason, Instant now) {
        return jdbc.sql("UPDATE sms_outbox SET state = 'FAILED', last_error = ?, claimed_until = NULL "
                + "WHERE id = ? AND attempts = ? AND state = 'SENDING' AND claimed_until <= ?")
                .params(truncate(reason, 200), due.id(), due.attempts(), Timestamp.from(now))
                .update() == 1;
    }

    /** The newest rows first, optionally of one state. */
    List<OutboxEntry> recent(OutboxState state, int limit) {
        String select = "SELECT id, state, attempts, next_attempt_at, created_at, sent_at, last_error FROM sms_outbox";
        if (state == null) {
            return jdbc.sql(select + " ORDER BY created_at DESC, id LIMIT ?").param(limit).query(ENTRY).list();
        }
        return jdbc.sql(select + " WHERE state = ? ORDER BY created_at DESC, id LIMIT ?").params(state.name(), limit)
                .query(ENTRY).list();
    }

    Optional<OutboxEntry> find(String id) {
        return jdbc.sql("SELECT id, state, attempts, next_attempt_at, created_at, sent_at, last_error FROM sms_outbox "
                + "WHERE id = ?").param(id).query(ENTRY).optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
