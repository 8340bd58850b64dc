package cn.hlj.remoteeval.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditChain;
import cn.hlj.remoteeval.audit.AuditChainVerification;

@Component
class JdbcAuditChain implements AuditChain {

    private final AuditSealer sealer;
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditChain(AuditSealer sealer, JdbcClient jdbc, Clock clock) {
        this.sealer = sealer;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Seals first and walks under the same head lock, so a sealer on the other node cannot extend
     * the chain between the walk and the head read and pass for a fault. Appends do not wait.
     */
    @Override
    @Transactional
    public AuditChainVerification verify() {
        sealer.sealPending();
        AuditChainHead head = AuditSealer.lockHead(jdbc);
        List<SealedEntry> entries = jdbc.sql("SELECT id, seal_no, prev_hash, occurred_at, actor, action, subject_type, "
                + "subject_id, detail, entry_hash FROM audit_entry WHERE seal_no IS NOT NULL ORDER BY seal_no")
                .query((rs, row) -> new SealedEntry(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
        long unsealed = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE seal_no IS NULL").query(Long.class).single();
        Instant oldest = jdbc.sql("SELECT MIN(occurred_at) FROM audit_entry WHERE seal_no IS NULL")
                .query((rs, row) -> {
                    Timestamp min = rs.getTimestamp(1);
                    return min == null ? null : min.toInstant();
                }).list().get(0);
        return AuditChainVerifier.verify(entries, head, unsealed, oldest, clock.instant());
    }
}
