package cn.hlj.remoteeval.tender.internal;

/**
 * Names of the lifecycle's process variables. They hold the tender id and non-personal facts
 * only: never an expert, a bidder or a sub-venue.
 */
final class LifecycleVariables {

    static final String PROCESS_KEY = "tender-lifecycle";

    static final String TENDER_ID = "tenderId";
    static final String SECTION_CODE = "sectionCode";
    static final String TENDER_NAME = "tenderName";
    static final String EXEMPT = "exempt";
    static final String EXEMPTION_REASON = "exemptionReason";
    static final String EXPLANATION_TEXT = "explanationText";
    static final String MAIN_CENTER = "mainCenter";
    static final String CATEGORY = "category";
    static final String ESTIMATED_PRICE = "estimatedPrice";
    static final String CONSTRUCTION_PART = "constructionPart";
    static final String GOODS_PART = "goodsPart";
    static final String SERVICES_PART = "servicesPart";
    static final String EXPERT_SHORTAGE = "expertShortage";
    static final String REGULATION_REQUIRES_CROSS_PROVINCE = "regulationRequiresCrossProvince";
    static final String EVALUATION_DATE = "evaluationDate";
    static final String HALF_DAY = "halfDay";
    static final String SCOPE_DECISION_RESULT = "scopeDecisionResult";
    static final String SCOPE = "scope";
    static final String ROLLOUT = "rollout";

    static final String MESSAGE_WINNING_BIDDER_RECORDED = "WinningBidderRecorded";
    static final String MESSAGE_EXEMPTION_EXPLANATION_FILED = "ExemptionExplanationFiled";
    static final String MESSAGE_PARTNER_ASSIGNMENT_RECEIVED = "PartnerAssignmentReceived";
    static final String MESSAGE_EVALUATION_MOVED = "EvaluationMoved";
    static final String MESSAGE_EXPERT_ANSWERED = "ExpertAnswered";
    static final String MESSAGE_EXPERT_SEAT_VACATED = "ExpertSeatVacated";
    static final String MESSAGE_PARTNER_EXPERTS_DRAWN = "PartnerExpertsDrawn";

    /**
     * Boolean set with PartnerAssignmentReceived: whether the plan came through the exchange, so that the
     * partner draws its seats' experts by message (true) rather than through the national system by hand.
     */
    static final String PLAN_THROUGH_EXCHANGE = "planThroughExchange";
    /** Boolean carried by PartnerExpertsDrawn: whether the partner could not fill some seat of its latest round. */
    static final String PARTNER_EXPERTS_SHORT = "partnerExpertsShort";

    /**
     * The number (1..n) of a committee seat, a Long (what the BPMN's {@code ${loopCounter + 1}} makes):
     * which expert holds it is known to the draw module only.
     */
    static final String SEAT = "seat";
    static final String EXPERT_ACCEPTED = "expertAccepted";
    /** Set by the provincial center's form for a cross-province tender: the national system's reference. */
    static final String NATIONAL_EXPERT_DRAW_REFERENCE = "nationalExpertDrawReference";

    /** Set by the supervisor's form: {@link #APPROVE} or {@link #REFUSE}. */
    static final String VENUE_NEGOTIATION_DECISION = "venueNegotiationDecision";
    static final String APPROVE = "APPROVE";
    static final String REFUSE = "REFUSE";

    static final String TASK_ENTER_NEGOTIATED_VENUES = "EnterNegotiatedVenues";
    static final String DELETE_REASON_WITHDRAWN = "TENDER_WITHDRAWN";

    private LifecycleVariables() {
    }
}
