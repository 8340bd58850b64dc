package cn.hlj.remoteeval.crossprovince.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchange_outbox table and the partners' sequence counters. Every change of a row being sent is
 * conditional on its claim (state, claimant and attempts, which each claim increments), so that a node
 * whose claim expired and was taken over cannot overwrite what the new claimant records.
 */
@Component
class ExchangeOutboxStore {

    /** A message waiting to go (PENDING), or on its way (SENDING) under a claim that may have expired. */
    record Due(String messageId, String receiver, long sequence, OutboxState state, int attempts, Instant nextAttemptAt,
            Instant claimedUntil, Instant queuedAt) {

        boolean dueAt(Instant now) {
            return state == OutboxState.PENDING ? !nextAttemptAt.isAfter(now) : !claimedUntil.isAfter(now);
        }
    }

    /** What a claimed message is made of, to be signed and sent. */
    record Queued(String messageId, String receiver, long sequence, MessageType type, String correlationId, String body,
            String sealed) {
    }

    enum OutboxState {
        PENDING, SENDING, DELIVERED, REFUSED, DEAD
    }

    private static final int TEXT_MAX = 1000;

    private final JdbcClient jdbc;

    ExchangeOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number in the partner's sequence. The counter row is locked until the caller's transaction
     * ends, so numbers are given in commit order and a rolled-back step leaves no gap.
     */
    long nextSequence(String peer) {
        if (jdbc.sql("UPDATE exchange_peer_sequence SET last_sent = last_sent + 1 WHERE peer = ?").param(peer).update() == 0) {
            try {
                jdbc.sql("INSERT INTO exchange_peer_sequence (peer, last_sent, last_handled) VALUES (?, 1, 0)").param(peer)
                        .update();
                return 1;
            } catch (DuplicateKeyException e) {
                jdbc.sql("UPDATE exchange_peer_sequence SET last_sent = last_sent + 1 WHERE peer = ?").param(peer).update();
            }
        }
        return jdbc.sql("SELECT last_sent FROM exchange_peer_sequence WHERE peer = ?").param(peer).query(Long.class).single();
    }

    void insert(String messageId, String receiver, long sequence, MessageType type, String correlationId, String body,
            String sealed, Timestamp now) {
        jdbc.sql("INSERT INTO exchange_outbox (message_id, receiver, sequence_no, message_type, correlation_id, body, sealed, "
                + "state, attempts, next_attempt_at, created_at, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
                .params(messageId, receiver, sequence, type.name(), correlationId, body, sealed, now, now, now).update();
    }

    /** The messages not yet answered, each partner's in sequence order. */
    List<Due> unanswered(int limit) {
        return jdbc.sql("SELECT message_id, receiver, sequence_no, state, attempts, next_attempt_at, claimed_until, queued_at "
                + "FROM exchange_outbox WHERE state IN ('PENDING', 'SENDING') ORDER BY receiver, sequence_no LIMIT " + limit)
                .query((rs, row) -> new Due(rs.getString(1), rs.getString(2), rs.getLong(3), OutboxState.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** Takes the message if it is still due and nobody changed it since it was read; the database decides between nodes. */
    boolean claim(Due due, String claimant, Instant now, Instant claimedUntil) {
        return jdbc.sql("UPDATE exchange_outbox SET state = 'SENDING', attempts = attempts + 1, claimed_by = ?, claimed_until = ? "
                + "WHERE message_id = ? AND attempts = ? AND ((state = 'PENDING' AND next_attempt_at <= ?) "
                + "OR (state = 'SENDING' AND claimed_until <= ?))")
                .params(claimant, Timestamp.from(claimedUntil), due.messageId(), due.attempts(), Timestamp.from(now),
                        Timestamp.from(now))
                .update() == 1;
    }

    Queued load(String messageId) {
        return jdbc.sql("SELECT message_id, receiver, sequence_no, message_type, correlation_id, body, sealed FROM exchange_outbox "
                + "WHERE message_id = ?").param(messageId)
                .query((rs, row) -> new Queued(rs.getString(1), rs.getString(2), rs.getLong(3),
                        MessageType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)))
                .single();
    }

    boolean delivered(String messageId, String claimant, int attempts, String answer, Instant now) {
        return jdbc.sql("UPDATE exchange_outbox SET state = 'DELIVERED', answer = ?, delivered_at = ?, claimed_by = NULL, "
                + "claimed_until = NULL, last_error = NULL WHERE " + HELD)
                .params(cut(answer), Timestamp.from(now), messageId, claimant, attempts).update() == 1;
    }

    boolean retryLater(String messageId, String claimant, int attempts, String error, Instant nextAttemptAt) {
        return jdbc.sql("UPDATE exchange_outbox SET state = 'PENDING', last_error = ?, next_attempt_at = ?, claimed_by = NULL, "
                + "claimed_until = NULL WHERE " + HELD)
                .params(cut(error), Timestamp.from(nextAttemptAt), messageId, claimant, attempts).update() == 1;
    }

    /** REFUSED (the partner said why; sending it unchanged again is pointless) or DEAD (given up). */
    boolean deadLetter(String messageId, String claimant, int attempts, OutboxState state, String error) {
        return jdbc.sql("UPDATE exchange_outbox SET state = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE " + HELD)
                .params(state.name(), cut(error), messageId, claimant, attempts).update() == 1;
    }

    /**
     * An operator sends a dead letter again (after the cause was fixed): signed anew, same id and sequence,
     * its waits starting over like a new message's.
     */
    boolean requeue(String messageId, Instant now) {
        return jdbc.sql("UPDATE exchange_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?, queued_at = ? "
                + "WHERE message_id = ? AND state IN ('REFUSED', 'DEAD')")
                .params(Timestamp.from(now), Timestamp.from(now), messageId).update() == 1;
    }

    Optional<String> stateOf(String messageId) {
        return jdbc.sql("SELECT state FROM exchange_outbox WHERE message_id = ?").param(messageId).query(String.class).optional();
    }

    private static final String HELD = "message_id = ? AND state = 'SENDING' AND claimed_by = ? AND attempts = ?";

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    static String cut(String value) {
        return value == null || value.length() <= TEXT_MAX ? value : value.substring(0, TEXT_MAX);
    }
}
