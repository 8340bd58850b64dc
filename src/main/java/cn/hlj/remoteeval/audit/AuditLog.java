package cn.hlj.remoteeval.audit;

import java.time.Instant;
import java.util.List;

/** Appends to and reads the audit log. There is no update and no delete. */
public interface AuditLog {

    void append(Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail);

    List<AuditEntry> entriesFor(String subjectType, String subjectId);
}
