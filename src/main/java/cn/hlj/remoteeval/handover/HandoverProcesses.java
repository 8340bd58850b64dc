package cn.hlj.remoteeval.handover;

/**
 * The processes this module deploys, for the lifecycle that calls them. {@value #AV_HANDOVER} is
 * called after the evaluation day with the tender id as business key and the variable
 * {@value #MAIN_CENTER}; it ends when the tenderer has the material.
 */
public final class HandoverProcesses {

    /** Hands every sub-venue's A/V material to the main venue, then everything to the tenderer. */
    public static final String AV_HANDOVER = "av-handover";

    /** One sub-venue's hand-over to the main venue (called by {@value #AV_HANDOVER}, once per sub-venue session). */
    public static final String AV_HANDOVER_LEG = "av-handover-leg";

    /** The main venue's hand-over to the tenderer (called by {@value #AV_HANDOVER} after the last sub-venue). */
    public static final String AV_HANDOVER_TENDERER_LEG = "av-handover-tenderer-leg";

    /** A sub-venue reports a clue of wrongdoing; started from Tasklist with a start form. */
    public static final String CLUE_REPORT = "clue-report";

    /** The main venue's center code, passed in by the caller. */
    public static final String MAIN_CENTER = "mainCenter";

    private HandoverProcesses() {
    }
}
