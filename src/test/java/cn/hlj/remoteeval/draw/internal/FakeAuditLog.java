package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;

class FakeAuditLog implements AuditLog {

    final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public void append(Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail) {
        entries.add(new AuditEntry(entries.size() + 1, occurredAt, actor, action, subjectType, subjectId, detail));
    }

    @Override
    public List<AuditEntry> entriesFor(String subjectType, String subjectId) {
        return entries.stream().filter(e -> e.subjectType().equals(subjectType) && e.subjectId().equals(subjectId)).toList();
    }
}
