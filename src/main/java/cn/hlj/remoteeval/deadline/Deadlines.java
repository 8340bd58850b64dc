package cn.hlj.remoteeval.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Opens, completes and cancels deadlines. Every method joins the caller's transaction, Quartz
 * triggers included, so a deadline exists exactly when the duty it watches was recorded.
 *
 * <p>When a deadline's reminder or breach fires, the deadline module correlates the BPMN message
 * {@link DeadlineVariables#MESSAGE_REMINDER} or {@link DeadlineVariables#MESSAGE_BREACHED} to the
 * process instance whose variable {@link DeadlineVariables#DEADLINE_ID} holds the deadline's id,
 * and publishes {@link DeadlineReminderDue} or {@link DeadlineBreached}. Each fires at most once,
 * never after {@link #complete}.
 */
public interface Deadlines {

    /**
     * Opens a deadline of the kind's configured term, counted from {@code startDay} (the day itself not
     * counted: "within 5 working days after D" is due at the end of the 5th working day after D). A
     * {@link DeadlineKind#MONTHLY_REPORT} is due on a day of the month after {@code startDay}'s month.
     *
     * @param tenderId the tender the duty belongs to; for {@link DeadlineKind#MONTHLY_REPORT}, which belongs to no
     *        tender, the month's reference {@code REPORT-yyyy-MM} (also its subjectRef), at most 36 characters
     * @param subjectRef an opaque reference to the watched duty (a hand-over id, a clue id), never a center or a person
     * @return the ticket; {@link DeadlineState#AWAITING_CALENDAR} when the term reaches a year not loaded
     */
    DeadlineTicket open(DeadlineKind kind, String tenderId, String subjectRef, LocalDate startDay);

    /** The watched duty was done: nothing more fires. Idempotent; completing a breached deadline records the late completion. */
    void complete(String deadlineId);

    /** The watched duty no longer exists: nothing more fires. Idempotent. */
    void cancel(String deadlineId);

    Optional<DeadlineTicket> find(String deadlineId);

    /** Every deadline of a tender, whatever its state, by due time (those awaiting the calendar last). */
    List<DeadlineTicket> ofTender(String tenderId);

    /**
     * The tenders with a deadline of the kind breached from {@code from} (included) until {@code until}
     * (excluded), once per deadline (a tender breached twice appears twice); for the monthly report. A
     * breach stays recorded when the duty is done late, so the answer for a past period does not change.
     */
    List<String> tendersBreachedBetween(DeadlineKind kind, Instant from, Instant until);
}
