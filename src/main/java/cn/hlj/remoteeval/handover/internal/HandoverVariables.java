package cn.hlj.remoteeval.handover.internal;

/** The process variables of the hand-over and clue processes; none names a sub-venue's center or a person. */
final class HandoverVariables {

    static final String MAIN_CENTER = "mainCenter";
    static final String SUB_VENUE_HANDOVERS = "subVenueHandovers";
    static final String HANDOVER_ID = "handoverId";
    static final String TENDERER_HANDOVER_ID = "tendererHandoverId";
    static final String SESSION_CODE = "sessionCode";
    static final String MEDIUM = "medium";
    static final String ITEM_COUNT = "itemCount";
    static final String SEALED_ITEMS = "sealedItems";
    static final String HANDED_OVER_AT = "handedOverAt";
    static final String CHECKSUMS_VERIFIED = "checksumsVerified";
    static final String RECEIVED_AT = "receivedAt";
    static final String SEALED_TENDERER_RECEIVER = "sealedTendererReceiver";
    static final String SUPERVISION_ACTION = "supervisionAction";
    static final String SEALED_SUPERVISION_NOTE = "sealedSupervisionNote";

    static final String CLUE_ID = "clueId";
    static final String FOUND_ON = "foundOn";
    static final String CATEGORY = "category";
    static final String SEALED_CLUE_DESCRIPTION = "sealedClueDescription";
    static final String CLUE_RECEIVED = "clueReceived";
    static final String TRANSFER_BODY = "transferBody";
    static final String TRANSFERRED_ON = "transferredOn";
    static final String REFERENCE_NUMBER = "referenceNumber";

    private HandoverVariables() {
    }
}
