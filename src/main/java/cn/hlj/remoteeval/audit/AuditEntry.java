package cn.hlj.remoteeval.audit;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String subjectType,
        String subjectId, String detail) {
}
