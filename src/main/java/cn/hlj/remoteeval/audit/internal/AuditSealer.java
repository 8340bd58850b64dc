package cn.hlj.remoteeval.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives committed, unsealed audit entries their place in the chain. Appends never touch the head,
 * so they stay free of any lock shared across the application; only the sealer (one node on the
 * Quartz schedule, or the operator's check) locks the head row, and sealers queue on it. Entries
 * are sealed in id order of what is visible now; an entry with a lower id that commits later simply
 * gets the next seal number, so every entry is sealed exactly once and chain order is seal order.
 */
@Component
class AuditSealer {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditSealer(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Seals everything committed and unsealed. Joins a running transaction, so the operator's check
     * keeps the head locked from sealing through its walk.
     *
     * @return how many entries were sealed
     */
    @Transactional
    int sealPending() {
        AuditChainHead head = lockHead(jdbc);
        Timestamp sealedAt = Timestamp.from(clock.instant());
        int sealed = 0;
        List<SealedEntry> batch;
        do {
            batch = jdbc.sql("SELECT id, occurred_at, actor, action, subject_type, subject_id, detail FROM audit_entry "
                    + "WHERE seal_no IS NULL ORDER BY id LIMIT " + BATCH)
                    .query((rs, row) -> unsealed(rs))
                    .list();
            for (SealedEntry unsealed : batch) {
                SealedEntry entry = new SealedEntry(unsealed.id(), head.sealNo() + 1, head.hash(), unsealed.occurredAt(),
                        unsealed.actor(), unsealed.action(), unsealed.subjectType(), unsealed.subjectId(),
                        unsealed.detail(), null).withHash();
                int updated = jdbc.sql("UPDATE audit_entry SET seal_no = ?, prev_hash = ?, entry_hash = ?, sealed_at = ? "
                        + "WHERE id = ? AND seal_no IS NULL")
                        .params(entry.sealNo(), entry.prevHash(), entry.entryHash(), sealedAt, entry.id())
                        .update();
                if (updated != 1) {
                    // Only a second sealer that bypassed the head lock could cause this: better no seal than a fork.
                    throw new IllegalStateException("audit entry " + entry.id() + " was sealed around the head lock");
                }
                head = new AuditChainHead(entry.sealNo(), entry.entryHash());
                sealed++;
            }
        } while (batch.size() == BATCH);
        if (sealed > 0) {
            jdbc.sql("UPDATE audit_chain_head SET seal_no = ?, head_hash = ? WHERE id = 1")
                    .params(head.sealNo(), head.hash()).update();
            log.debug("Sealed {} audit entries up to seal number {}", sealed, head.sealNo());
        }
        return sealed;
    }

    static AuditChainHead lockHead(JdbcClient jdbc) {
        return jdbc.sql("SELECT seal_no, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new AuditChainHead(rs.getLong(1), rs.getString(2)))
                .single();
    }

    private static SealedEntry unsealed(ResultSet rs) throws SQLException {
        return new SealedEntry(rs.getLong(1), 0, null, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), null);
    }
}
