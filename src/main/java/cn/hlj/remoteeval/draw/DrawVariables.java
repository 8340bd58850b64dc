package cn.hlj.remoteeval.draw;

/**
 * The process variables the draw module's delegates set; the lifecycle BPMN's gateways read them.
 * They say whether a draw succeeded, never what it picked.
 */
public final class DrawVariables {

    /** Boolean set by the {@code drawVenues} service task: true when the random venue draw booked the venues. */
    public static final String VENUES_DRAWN = "venuesDrawn";

    /** The bean name of the venue draw's delegate, for {@code camunda:delegateExpression="${drawVenues}"}. */
    public static final String DRAW_VENUES_DELEGATE = "drawVenues";

    /** Boolean set by the {@code drawExperts} service task: true when every committee seat got an invited expert. */
    public static final String EXPERTS_DRAWN = "expertsDrawn";

    /** The id of the tender's latest expert draw record (sealed until the evaluation ends). */
    public static final String EXPERT_DRAW_ID = "expertDrawId";

    /** How many experts were invited: the seat confirmations run once per seat, numbered 1..count. */
    public static final String EXPERT_SEAT_COUNT = "expertSeatCount";

    /** ISO-8601 duration an invited expert has to answer, e.g. {@code PT2H}; the seat's timer waits this long. */
    public static final String EXPERT_ANSWER_WINDOW = "expertAnswerWindow";

    /** ISO-8601 duration after which an invited expert who has not answered gets one voice call, e.g. {@code PT1H}. */
    public static final String EXPERT_VOICE_CALL_AFTER = "expertVoiceCallAfter";

    /** A committee seat's number, 1..n, in the seat confirmation; never which expert or which venue. */
    public static final String SEAT = "seat";

    /** Boolean carried by the message {@code ExpertAnswered}: whether the seat's expert accepted. */
    public static final String EXPERT_ACCEPTED = "expertAccepted";

    /** Boolean set by the {@code replaceExpert} service task: true when a supplementary expert was invited. */
    public static final String REPLACEMENT_DRAWN = "replacementDrawn";

    public static final String DRAW_EXPERTS_DELEGATE = "drawExperts";
    public static final String REPLACE_EXPERT_DELEGATE = "replaceExpert";
    /** Bean of the seat confirmation's voice call to an expert who has not answered yet. */
    public static final String CALL_UNANSWERED_EXPERT_DELEGATE = "callUnansweredExpert";

    private DrawVariables() {
    }
}
