package cn.hlj.remoteeval.crossprovince.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeInboxStore.InboxState;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutboxStore.OutboxState;

/**
 * What operators see of the exchange and what they may do about it: each partner's counters and
 * backlog, the messages each way (type, number, state, attempts, the partner's answer or the error;
 * never a body), and the dead letters they send again, retry or skip, each audited.
 */
@Service
@Transactional
class ExchangeMonitor {

    static final int LIST_MAX = 200;

    private final JdbcClient jdbc;
    private final ExchangeInboxStore inbox;
    private final ExchangeOutboxStore outbox;
    private final ExchangeDispatcher dispatcher;
    private final ExchangeHandling handling;
    private final AuditLog audit;
    private final Clock clock;

    ExchangeMonitor(JdbcClient jdbc, ExchangeInboxStore inbox, ExchangeOutboxStore outbox, ExchangeDispatcher dispatcher,
            ExchangeHandling handling, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.handling = handling;
        this.audit = audit;
        this.clock = clock;
    }

    /** One partner's side of the exchange, as the operators' overview shows it. */
    /**
     * @param waitingFor a number that never arrived while later ones wait behind it
     * @param blockedBy a dead letter (FAILED) that later messages wait behind
     */
    record PartnerTraffic(String partner, long lastSent, long lastHandled, Map<String, Long> outgoing,
            Map<String, Long> incoming, Long waitingFor, Long blockedBy) {
    }

    /** One message, without its content. */
    record MessageRow(String direction, String partner, String messageId, long sequence, String type, String typeLabel,
            String correlationId, String state, int attempts, Instant at, Instant nextAttemptAt, String answer,
            String error) {
    }

    @Transactional(readOnly = true)
    List<PartnerTraffic> traffic() {
        Map<String, long[]> counters = new TreeMap<>();
        jdbc.sql("SELECT peer, last_sent, last_handled FROM exchange_peer_sequence").query(rs -> {
            counters.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
        });
        Map<String, Map<String, Long>> out = counts("SELECT receiver, state, COUNT(*) FROM exchange_outbox GROUP BY receiver, state");
        Map<String, Map<String, Long>> in = counts("SELECT sender, state, COUNT(*) FROM exchange_inbox GROUP BY sender, state");
        out.keySet().forEach(p -> counters.putIfAbsent(p, new long[] { 0, 0 }));
        in.keySet().forEach(p -> counters.putIfAbsent(p, new long[] { 0, 0 }));
        return counters.entrySet().stream().map(e -> {
            String partner = e.getKey();
            long lastHandled = e.getValue()[1];
            var next = inbox.at(partner, lastHandled + 1);
            Long laterWaiting = jdbc.sql("SELECT MIN(sequence_no) FROM exchange_inbox WHERE sender = ? AND sequence_no > ? "
                    + "AND state = 'RECEIVED'").params(partner, lastHandled).query(Long.class).optional().orElse(null);
            boolean blocked = next.isPresent() && next.get().state() == InboxState.FAILED;
            return new PartnerTraffic(partner, e.getValue()[0], lastHandled, out.getOrDefault(partner, Map.of()),
                    in.getOrDefault(partner, Map.of()), next.isEmpty() && laterWaiting != null ? lastHandled + 1 : null,
                    blocked ? lastHandled + 1 : null);
        }).toList();
    }

    private Map<String, Map<String, Long>> counts(String sql) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.sql(sql).query(rs -> {
            counts.computeIfAbsent(rs.getString(1), p -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
        });
        return counts;
    }

    @Transactional(readOnly = true)
    List<MessageRow> outgoing(String partner, String state) {
        return jdbc.sql("SELECT receiver, message_id, sequence_no, message_type, correlation_id, state, attempts, created_at, "
                + "next_attempt_at, answer, last_error FROM exchange_outbox" + where("receiver", partner, state)
                + " ORDER BY created_at DESC, sequence_no DESC LIMIT " + LIST_MAX)
                .params(filters(partner, state))
                .query((rs, row) -> new MessageRow("OUT", rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        label(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)),
                        "PENDING".equals(rs.getString(6)) ? instant(rs.getTimestamp(9)) : null, rs.getString(10),
                        rs.getString(11)))
                .list();
    }

    @Transactional(readOnly = true)
    List<MessageRow> incoming(String partner, String state) {
        return jdbc.sql("SELECT sender, message_id, sequence_no, message_type, correlation_id, state, attempts, received_at, "
                + "next_attempt_at, answer, last_error FROM exchange_inbox" + where("sender", partner, state)
                + " ORDER BY received_at DESC, sequence_no DESC LIMIT " + LIST_MAX)
                .params(filters(partner, state))
                .query((rs, row) -> new MessageRow("IN", rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        label(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7),
                        instant(rs.getTimestamp(8)), rs.getString(6).equals("RECEIVED") ? instant(rs.getTimestamp(9)) : null,
                        rs.getString(10), rs.getString(11)))
                .list();
    }

    /** A refused or given-up message sent again, after its cause was fixed (a key, a clock, an address). */
    boolean resend(String messageId, String operator) {
        Instant now = clock.instant();
        if (!outbox.requeue(messageId, now)) {
            return false;
        }
        audit.append(now, operator, "EXCHANGE_MESSAGE_RESENT", "EXCHANGE_MESSAGE", messageId, null);
        afterCommit(() -> dispatcher.sendSoon());
        return true;
    }

    boolean retry(String sender, String messageId, String operator) {
        Instant now = clock.instant();
        if (!inbox.retry(sender, messageId, now)) {
            return false;
        }
        audit.append(now, operator, "EXCHANGE_MESSAGE_RETRIED", "EXCHANGE_MESSAGE", messageId, "sender=" + sender);
        afterCommit(() -> handling.handleSoon(sender));
        return true;
    }

    /**
     * Lets the partner's later messages pass a dead letter (handled by hand, or agreed with the partner to
     * be void), or a number that never arrived ({@code messageId} null, {@code sequence} the missing number).
     */
    boolean skip(String sender, String messageId, long sequence, String operator) {
        boolean skipped = trySkip(sender, messageId, sequence, operator);
        if (!skipped) {
            // A refused skip changes nothing, not even the partner's counter row that reading it may have created.
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return skipped;
    }

    private boolean trySkip(String sender, String messageId, long sequence, String operator) {
        Instant now = clock.instant();
        long last = inbox.lastHandled(sender);
        if (sequence != last + 1) {
            return false;
        }
        if (messageId != null) {
            var next = inbox.lockAt(sender, sequence);
            if (next.isEmpty() || !next.get().messageId().equals(messageId) || next.get().state() != InboxState.FAILED
                    || !inbox.passedBy(sender, messageId, InboxState.SKIPPED, sequence, now)) {
                return false;
            }
        } else if (inbox.at(sender, sequence).isPresent() || !inbox.advance(sender, sequence)) {
            return false;
        }
        audit.append(now, operator, "EXCHANGE_SEQUENCE_SKIPPED", "EXCHANGE_PARTNER", sender,
                "sequence=" + sequence + (messageId == null ? " missing" : " messageId=" + messageId));
        afterCommit(() -> handling.handleSoon(sender));
        return true;
    }

    static boolean knownOutboxState(String state) {
        return state == null || java.util.Arrays.stream(OutboxState.values()).anyMatch(s -> s.name().equals(state));
    }

    static boolean knownInboxState(String state) {
        return state == null || java.util.Arrays.stream(InboxState.values()).anyMatch(s -> s.name().equals(state));
    }

    private static void afterCommit(Runnable action) {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                });
    }

    private static String where(String partnerColumn, String partner, String state) {
        List<String> conditions = new java.util.ArrayList<>();
        if (partner != null) {
            conditions.add(partnerColumn + " = ?");
        }
        if (state != null) {
            conditions.add("state = ?");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static List<Object> filters(String partner, String state) {
        List<Object> values = new java.util.ArrayList<>();
        if (partner != null) {
            values.add(partner);
        }
        if (state != null) {
            values.add(state);
        }
        return values;
    }

    /** A type no longer in the message set (a row kept from an earlier version) shows as its name. */
    private static String label(String type) {
        return java.util.Arrays.stream(MessageType.values()).filter(t -> t.name().equals(type)).findFirst()
                .map(MessageType::label).orElse(type);
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
