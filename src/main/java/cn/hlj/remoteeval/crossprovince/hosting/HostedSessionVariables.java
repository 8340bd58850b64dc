package cn.hlj.remoteeval.crossprovince.hosting;

/**
 * The variables of process hosted-session: ids, the session's opaque code, the slot and flags. None
 * names the hosting center (its tasks go to the session's anonymous group), the partner's experts or a
 * person; free text comes in sealed form fields that the listeners take out of the engine.
 */
final class HostedSessionVariables {

    static final String HOSTING_ID = "hostingId";
    static final String SESSION_CODE = "sessionCode";
    static final String EVALUATION_DATE = "evaluationDate";
    static final String HALF_DAY = "halfDay";

    static final String EXPERTS_PRESENT = "expertsPresent";
    static final String IDENTITIES_VERIFIED = "identitiesVerified";
    /** The seats' numbers (e.g. "1,2,4"), a local variable of 专家身份验证 for its form: numbers only, never who. */
    static final String SESSION_SEATS = "sessionSeats";
    static final String NO_SHOW_SEATS = "noShowSeats";
    static final String NO_SHOWS_FOUND = "noShowsFound";

    static final String SUPERVISION_ACTION = "supervisionAction";
    static final String SEALED_SUPERVISION_NOTE = "sealedSupervisionNote";

    static final String REPORT_SIGNED = "reportSigned";
    static final String INCIDENT_KIND = "incidentKind";
    static final String INCIDENT_RESOLVED = "incidentResolved";
    static final String SEALED_INCIDENT_DESCRIPTION = "sealedIncidentDescription";

    static final String CLUE_CATEGORY = "category";
    static final String CLUE_FOUND_ON = "foundOn";
    static final String SEALED_CLUE_DESCRIPTION = "sealedClueDescription";

    static final String MEDIUM = "medium";
    static final String HANDED_OVER_AT = "handedOverAt";
    static final String SEALED_ITEMS = "sealedItems";
    static final String RECEIPT_ARRIVED = "receiptArrived";

    /** Message names of the model. */
    static final String MESSAGE_CANCELLED = "HostingCancelled";
    static final String MESSAGE_RECEIPTED = "HostedMaterialReceipted";

    private HostedSessionVariables() {
    }
}
