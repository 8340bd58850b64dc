package cn.hlj.remoteeval.tender.internal;

/**
 * The port to the process engine: the only way the tender module starts or moves a lifecycle.
 * The business key of every instance is the tender id.
 */
interface TenderLifecycle {

    void start(Tender tender);

    void winningBidderRecorded(String tenderId);

    /** The explanation's text goes to the supervisor's task: it is about the tender, not about a person. */
    void exemptionExplanationFiled(String tenderId, String explanationText);
}
