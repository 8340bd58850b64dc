package cn.hlj.remoteeval.evaluation.internal;

/**
 * Names the evaluation-day and venue-duties models share with the Java side. Every variable holds
 * a non-personal fact: a session's anonymous code, a seat number, a choice, a flag.
 */
final class EvaluationVariables {

    static final String EVALUATION_DAY_PROCESS = "evaluation-day";
    static final String VENUE_DUTIES_PROCESS = "venue-duties";
    static final String MESSAGE_INCIDENT_RAISED = "IncidentRaised";
    static final String MESSAGE_PARTNER_SESSION_SIGNED = "PartnerSessionSigned";

    static final String MAIN_CENTER = "mainCenter";
    /** The tender's anonymous session codes, the main venue's included; never a center code. */
    static final String VENUE_SESSIONS = "venueSessions";
    static final String SESSION_CODE = "sessionCode";
    /** The opaque references of the sessions a partner province holds; empty for every tender without such. */
    static final String PARTNER_SESSIONS = "partnerSessions";
    /** One partner session's reference: the multi-instance element, and a local copy on the execution that waits. */
    static final String PARTNER_SESSION_REF = "partnerSessionRef";
    static final String PARTNER_SESSION_SIGNED = "partnerSessionSigned";

    static final String SUPERVISOR_ON_SITE = "supervisorOnSite";
    static final String SESSION_STARTED_AT = "sessionStartedAt";

    static final String EXPERTS_PRESENT = "expertsPresent";
    /** Seat numbers only, e.g. "2,5". */
    static final String NO_SHOW_SEATS = "noShowSeats";
    static final String IDENTITIES_VERIFIED = "identitiesVerified";
    static final String NO_SHOWS_FOUND = "noShowsFound";

    static final String ALL_SIGNED = "allSigned";
    static final String MISSING_SIGNATURE_SEATS = "missingSignatureSeats";
    static final String EVALUATION_ENDED = "evaluationEnded";

    static final String INCIDENT_ID = "incidentId";
    static final String INCIDENT_KIND = "incidentKind";
    static final String SEALED_INCIDENT_DESCRIPTION = "sealedIncidentDescription";
    static final String INCIDENT_MEASURE = "incidentMeasure";
    static final String INCIDENT_RESOLVED = "incidentResolved";
    static final String SEALED_HANDLING_NOTE = "sealedHandlingNote";

    private EvaluationVariables() {
    }
}
