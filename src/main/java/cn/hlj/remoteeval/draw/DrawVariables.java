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

    private DrawVariables() {
    }
}
