package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One hand-over of A/V material as stored. {@code legRef} is the handing sub-venue's anonymous
 * session code, or {@link HandoverLeg#TENDERER_REF}; the handing center itself is never stored.
 */
record AvHandover(String id, String tenderId, String mainCenter, HandoverLeg leg, String legRef, LocalDate startDay,
        HandoverState state, String deadlineId, LocalDate dueDate, Medium medium, Integer itemCount, String handedBy,
        Instant handedAt, String receivedBy, Instant receivedAt, Boolean checksumsVerified, String tendererReceiver,
        Instant remindedAt, Instant breachedAt, Instant openedAt) {

    /** The session code of the handing sub-venue; null for the hand-over to the tenderer. */
    String sessionCode() {
        return leg == HandoverLeg.SUB_VENUE_TO_MAIN ? legRef : null;
    }
}
