package cn.hlj.remoteeval.deadline;

import java.time.LocalDate;

/** A deadline passed with its duty still open: escalated to the supervisor. */
public record DeadlineBreached(String deadlineId, DeadlineKind kind, String tenderId, String subjectRef,
        LocalDate dueDate) {
}
