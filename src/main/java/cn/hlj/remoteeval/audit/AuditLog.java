package cn.hlj.remoteeval.audit;

import java.time.Instant;
import java.util.List;

/** Appends to and reads the audit log. There is no update and no delete. */
public interface AuditLog {

    /** The subject type of entries about a tender section; the subject id is the tender id. */
    String TENDER_SUBJECT = "TENDER";

    void append(Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail);

    /**
     * Entries about one subject, oldest first. Entries are written after their transaction by
     * asynchronous listeners, so within one (MySQL: whole) second their order is not guaranteed.
     */
    List<AuditEntry> entriesFor(String subjectType, String subjectId);
}
