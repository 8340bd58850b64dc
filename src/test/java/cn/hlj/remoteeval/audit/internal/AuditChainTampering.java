package cn.hlj.remoteeval.audit.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests outside this package: the intruder who rewrites the audit chain's tail with the
 * production hashing code, so that the chain's own walk still finds it intact.
 */
public final class AuditChainTampering {

    private static final String GENESIS = "0".repeat(64);

    private AuditChainTampering() {
    }

    /**
     * In the caller's transaction, under the head lock: gives the entry at {@code fromSealNo} another detail,
     * then recomputes its entry hash, every later previous and entry hash, and the head row.
     */
    public static void rewriteTailFrom(JdbcClient jdbc, long fromSealNo) {
        AuditSealer.lockHead(jdbc);
        List<SealedEntry> entries = jdbc.sql("SELECT id, seal_no, prev_hash, occurred_at, actor, action, subject_type, "
                + "subject_id, detail, entry_hash FROM audit_entry WHERE seal_no >= ? ORDER BY seal_no").param(fromSealNo)
                .query((rs, row) -> new SealedEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
        String previous = entries.get(0).prevHash() == null ? GENESIS : entries.get(0).prevHash();
        SealedEntry last = null;
        for (SealedEntry e : entries) {
            String detail = e.sealNo() == fromSealNo ? "forged" : e.detail();
            SealedEntry rewritten = new SealedEntry(e.id(), e.sealNo(), previous, e.occurredAt(), e.actor(), e.action(),
                    e.subjectType(), e.subjectId(), detail, null).withHash();
            jdbc.sql("UPDATE audit_entry SET detail = ?, prev_hash = ?, entry_hash = ? WHERE id = ?")
                    .params(rewritten.detail(), rewritten.prevHash(), rewritten.entryHash(), rewritten.id()).update();
            previous = rewritten.entryHash();
            last = rewritten;
        }
        jdbc.sql("UPDATE audit_chain_head SET seal_no = ?, head_hash = ? WHERE id = 1").params(last.sealNo(), last.entryHash())
                .update();
    }
}
