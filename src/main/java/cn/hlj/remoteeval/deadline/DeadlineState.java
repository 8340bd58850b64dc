package cn.hlj.remoteeval.deadline;

/** Where a deadline stands. Only {@code SCHEDULED} and {@code REMINDED} can still fire. */
public enum DeadlineState {

    /** Due date known, reminder and breach scheduled. */
    SCHEDULED,

    /** The term reaches a year whose official schedule is not loaded: nothing is guessed, the operator is told. */
    AWAITING_CALENDAR,

    /** The reminder fired; the breach is still scheduled. */
    REMINDED,

    /** The due time passed before the duty was done; escalated to the supervisor. Completion is still recorded. */
    BREACHED,

    /** The watched duty was done in time. */
    COMPLETED,

    /** The duty no longer exists (tender withdrawn, clue merged…). */
    CANCELLED
}
