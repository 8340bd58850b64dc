package cn.hlj.remoteeval.tender;

/**
 * How the dispatch modules (venue draw, negotiation, cross-province) move a tender on. Each call
 * changes the tender's state in the caller's transaction and, where the lifecycle waits for it,
 * moves the process on, so that a failure leaves both as they were.
 *
 * <p>A call that does not fit the tender's state throws {@link cn.hlj.remoteeval.web.ApiProblemException}
 * with status 409.
 */
public interface TenderDispatch {

    /** The random venue draw booked the main venue and the sub-venues. */
    void venuesDrawn(String tenderId, String drawId);

    /** No random pick could satisfy the tender: the supervisor is asked to confirm negotiation. */
    void venueDrawFailed(String tenderId, String drawId);

    /** Staff entered the negotiated sub-venues and they were booked; completes the staff task. */
    void venuesNegotiated(String tenderId, String recordId, String negotiatedBy);

    /** The partner province's assignment for a cross-province tender was accepted. */
    void partnerAssignmentReceived(String tenderId, String receivedBy);
}
