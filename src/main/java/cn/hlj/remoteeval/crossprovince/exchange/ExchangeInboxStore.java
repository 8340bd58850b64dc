package cn.hlj.remoteeval.crossprovince.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchange_inbox table and the partners' "last handled" counters. The counter row of a partner is
 * locked while one of its messages is handled, so that two nodes never handle a partner's messages at
 * once or out of order.
 */
@Component
class ExchangeInboxStore {

    enum InboxState {
        /** Waiting for its turn, or for its next attempt. */
        RECEIVED,
        HANDLED,
        /** Handling failed every attempt: a dead letter until an operator retries or skips it. */
        FAILED,
        /** An operator let the partner's later messages pass it. */
        SKIPPED,
        /** Arrived after an operator had skipped its number: kept, never handled automatically. */
        LATE
    }

    record Next(String messageId, long sequence, InboxState state, Instant nextAttemptAt, String received, int attempts) {
    }

    private final JdbcClient jdbc;

    ExchangeInboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code sequence} from {@code sender} was already handled or skipped past. */
    boolean passed(String sender, long sequence) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_peer_sequence WHERE peer = ? AND last_handled >= ?")
                .params(sender, sequence).query(Long.class).single() > 0;
    }

    /** False when the sender already used this sequence number for another message. */
    boolean insert(String sender, String messageId, long sequence, MessageType type, String correlationId, String received,
            String answer, InboxState state, Instant receivedAt) {
        try {
            jdbc.sql("INSERT INTO exchange_inbox (sender, message_id, sequence_no, message_type, correlation_id, received, "
                    + "answer, received_at, state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
                    .params(sender, messageId, sequence, type.name(), correlationId, received, answer,
                            Timestamp.from(receivedAt), state.name(), Timestamp.from(receivedAt))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<String> answerOf(String sender, String messageId) {
        return jdbc.sql("SELECT answer FROM exchange_inbox WHERE sender = ? AND message_id = ?").params(sender, messageId)
                .query(String.class).optional();
    }

    /**
     * The last sequence handled from the partner (creating its counter at 0). Read without a lock: the
     * counter row is also the one sends to the partner number themselves on, and holding it for a whole
     * handling would make every send to that partner wait. {@link #advance} moves it only from the value read.
     */
    long lastHandled(String sender) {
        Optional<Long> last = jdbc.sql("SELECT last_handled FROM exchange_peer_sequence WHERE peer = ?").param(sender)
                .query(Long.class).optional();
        if (last.isPresent()) {
            return last.get();
        }
        try {
            jdbc.sql("INSERT INTO exchange_peer_sequence (peer, last_sent, last_handled) VALUES (?, 0, 0)").param(sender).update();
        } catch (DuplicateKeyException e) {
            // Another node (or a send) created it first.
        }
        return jdbc.sql("SELECT last_handled FROM exchange_peer_sequence WHERE peer = ?").param(sender).query(Long.class).single();
    }

    /**
     * The partner's message with this number, locked until the transaction ends: of two nodes about to handle
     * it, the second waits and then reads it handled.
     */
    Optional<Next> lockAt(String sender, long sequence) {
        return jdbc.sql("SELECT message_id, sequence_no, state, next_attempt_at, received, attempts FROM exchange_inbox "
                + "WHERE sender = ? AND sequence_no = ? FOR UPDATE").params(sender, sequence)
                .query((rs, row) -> new Next(rs.getString(1), rs.getLong(2), InboxState.valueOf(rs.getString(3)),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6)))
                .optional();
    }

    Optional<Next> at(String sender, long sequence) {
        return jdbc.sql("SELECT message_id, sequence_no, state, next_attempt_at, received, attempts FROM exchange_inbox "
                + "WHERE sender = ? AND sequence_no = ?").params(sender, sequence)
                .query((rs, row) -> new Next(rs.getString(1), rs.getLong(2), InboxState.valueOf(rs.getString(3)),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getInt(6)))
                .optional();
    }

    /** Marks the message and moves the counter past it; false (and the caller rolls back) when the counter moved meanwhile. */
    boolean passedBy(String sender, String messageId, InboxState state, long sequence, Instant now) {
        jdbc.sql("UPDATE exchange_inbox SET state = ?, handled_at = ?, last_error = NULL WHERE sender = ? AND message_id = ?")
                .params(state.name(), Timestamp.from(now), sender, messageId).update();
        return advance(sender, sequence);
    }

    /** Moves the partner's counter to {@code sequence} if it still stands just before it. */
    boolean advance(String sender, long sequence) {
        return jdbc.sql("UPDATE exchange_peer_sequence SET last_handled = ? WHERE peer = ? AND last_handled = ?")
                .params(sequence, sender, sequence - 1).update() == 1;
    }

    /** A failed attempt: tried again after {@code nextAttemptAt}, or a dead letter. */
    void failed(String sender, String messageId, String error, Instant nextAttemptAt, boolean deadLetter) {
        jdbc.sql("UPDATE exchange_inbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, state = ? "
                + "WHERE sender = ? AND message_id = ? AND state = 'RECEIVED'")
                .params(ExchangeOutboxStore.cut(error), Timestamp.from(nextAttemptAt),
                        deadLetter ? InboxState.FAILED.name() : InboxState.RECEIVED.name(), sender, messageId)
                .update();
    }

    /** An operator tries a dead letter again. */
    boolean retry(String sender, String messageId, Instant now) {
        return jdbc.sql("UPDATE exchange_inbox SET state = 'RECEIVED', attempts = 0, next_attempt_at = ? "
                + "WHERE sender = ? AND message_id = ? AND state = 'FAILED'")
                .params(Timestamp.from(now), sender, messageId).update() == 1;
    }

    /** The partners with messages waiting to be handled. */
    List<String> sendersWaiting() {
        return jdbc.sql("SELECT DISTINCT sender FROM exchange_inbox WHERE state = 'RECEIVED'").query(String.class).list();
    }
}
