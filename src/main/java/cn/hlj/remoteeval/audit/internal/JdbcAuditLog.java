package cn.hlj.remoteeval.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;

@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
            String detail) {
        jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, action, subject_type, subject_id, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(occurredAt), actor, action, subjectType, subjectId, detail)
                .update();
    }

    @Override
    public List<AuditEntry> entriesFor(String subjectType, String subjectId) {
        return jdbc.sql("SELECT id, occurred_at, actor, action, subject_type, subject_id, detail FROM audit_entry "
                + "WHERE subject_type = ? AND subject_id = ? ORDER BY occurred_at, id")
                .params(subjectType, subjectId)
                .query((rs, row) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }
}
