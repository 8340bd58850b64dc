package cn.hlj.remoteeval.deadline;

import java.time.LocalDate;

/** A deadline's reminder fired: the duty is still open and due on {@code dueDate}. */
public record DeadlineReminderDue(String deadlineId, DeadlineKind kind, String tenderId, String subjectRef,
        LocalDate dueDate) {
}
