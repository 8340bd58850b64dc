package cn.hlj.remoteeval.audit.internal;

import java.time.Instant;

/** An audit entry with its place in the chain; what the entry hash covers, plus the hash as stored. */
record SealedEntry(long id, long sealNo, String prevHash, Instant occurredAt, String actor, String action,
        String subjectType, String subjectId, String detail, String entryHash) {

    SealedEntry withHash() {
        return new SealedEntry(id, sealNo, prevHash, occurredAt, actor, action, subjectType, subjectId, detail,
                AuditHash.entryHash(this));
    }
}
