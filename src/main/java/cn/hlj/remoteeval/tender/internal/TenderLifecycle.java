package cn.hlj.remoteeval.tender.internal;

import cn.hlj.remoteeval.venue.Slot;

/**
 * The port to the process engine: the only way the tender module starts or moves a lifecycle.
 * The business key of every instance is the tender id.
 */
interface TenderLifecycle {

    void start(Tender tender);

    void winningBidderRecorded(String tenderId);

    /** The explanation's text goes to the supervisor's task: it is about the tender, not about a person. */
    void exemptionExplanationFiled(String tenderId, String explanationText);

    /** Completes the main venue staff's task of entering the negotiated sub-venues. */
    void negotiatedVenuesEntered(String tenderId);

    /** @param throughExchange whether the partner also draws its seats' experts through the exchange */
    void partnerAssignmentReceived(String tenderId, boolean throughExchange);

    /** The partner answered every seat of its latest round; {@code anyShort}: some seat could not be filled. */
    void partnerExpertsDrawn(String tenderId, boolean anyShort);

    /** Carries the new slot into the process; a lifecycle waiting for the expert draw goes back to arranging venues. */
    void evaluationMoved(String tenderId, Slot to);

    /** Ends the lifecycle of a withdrawn tender. */
    void withdrawn(String tenderId);

    /** Moves on the wait of the seat's confirmation: an answer arrived. */
    void expertAnswered(String tenderId, int seat, boolean accepted);

    /** Starts the supplementary draw for a seat whose confirmation had ended. */
    void expertSeatVacated(String tenderId, int seat);
}
