package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;

/** What a supervisor did about an overdue hand-over or clue. */
record Supervision(String id, String subjectType, String subjectId, String deadlineId, String actedBy, Instant actedAt,
        SupervisionAction action, String note) {
}
