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

    /**
     * The prefix of {@code receivedBy} (and of every actor) for what a partner province's node brought
     * through the exchange, e.g. {@code exchange:JL}: a plan received so is one whose partner draws its
     * share of the experts through the exchange.
     */
    String EXCHANGE_ACTOR_PREFIX = "exchange:";

    /** The random venue draw booked the main venue and the sub-venues. */
    void venuesDrawn(String tenderId, String drawId);

    /** No random pick could satisfy the tender: the supervisor is asked to confirm negotiation. */
    void venueDrawFailed(String tenderId, String drawId);

    /** Staff entered the negotiated sub-venues and they were booked; completes the staff task. */
    void venuesNegotiated(String tenderId, String recordId, String negotiatedBy);

    /**
     * The partner province's assignment for a cross-province tender was accepted. When {@code receivedBy}
     * starts with {@link #EXCHANGE_ACTOR_PREFIX} the partner also draws its seats' experts through the
     * exchange; otherwise the experts are drawn through the national system and recorded by hand.
     */
    void partnerAssignmentReceived(String tenderId, String receivedBy);

    /** The random expert draw invited an expert for every seat; the lifecycle waits for their answers. */
    void expertsDrawn(String tenderId, String drawId);

    /** The expert draw found no way to fill the committee: the supervisor is asked to deal with it. */
    void expertDrawFailed(String tenderId, String drawId);

    /**
     * An invited expert answered (or the answer is taken as a refusal): moves that seat's wait on.
     *
     * @param seat the seat number (1..n) the lifecycle knows the seat by; never an expert
     * @param committeeComplete whether every seat's expert has now accepted
     */
    void expertAnswered(String tenderId, int seat, boolean accepted, boolean committeeComplete);

    /**
     * The main venue holds no expert seat of a cross-province committee (the partner hosts every expert):
     * nothing to draw here, and the main venue's part of the committee is complete.
     */
    void noExpertSeatsHere(String tenderId);

    /** The partner province was asked (again) to draw the experts of its sessions' seats. */
    void partnerExpertDrawRequested(String tenderId);

    /**
     * The partner province answered for every seat it was asked to fill in the latest round.
     *
     * @param anyShort whether it could not fill some seat (the supervisor decides, then it is asked again)
     */
    void partnerExpertsDrawn(String tenderId, boolean anyShort);

    /** A seat whose expert had accepted became vacant (no-show, a conflict found later); a supplementary draw starts. */
    void expertSeatVacated(String tenderId, int seat);
}
