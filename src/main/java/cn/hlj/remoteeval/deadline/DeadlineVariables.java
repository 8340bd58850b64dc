package cn.hlj.remoteeval.deadline;

/**
 * The process variables and messages by which a BPMN waits on a deadline. The model sets
 * {@link #DEADLINE_ID} (and may show {@link #DEADLINE_DUE_AT} as a task's due date), then waits with
 * boundary events on the two messages; it never computes working days itself.
 */
public final class DeadlineVariables {

    /** The id of the deadline the process instance waits on (opaque UUID string). */
    public static final String DEADLINE_ID = "deadlineId";

    /** When the deadline is breached ({@link java.util.Date}); absent while the calendar is missing. */
    public static final String DEADLINE_DUE_AT = "deadlineDueAt";

    /** Correlated when the reminder fires. */
    public static final String MESSAGE_REMINDER = "DeadlineReminder";

    /** Correlated when the deadline is breached. */
    public static final String MESSAGE_BREACHED = "DeadlineBreached";

    /** Camunda incident type raised on the waiting execution while the deadline awaits a calendar year. */
    public static final String INCIDENT_AWAITING_CALENDAR = "deadlineAwaitingCalendar";

    private DeadlineVariables() {
    }
}
