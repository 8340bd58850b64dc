package cn.hlj.remoteeval.deadline;

/**
 * What a deadline watches. Each kind has its term and reminder in configuration
 * ({@code remote-eval.deadline.terms.<KIND>}); the defaults follow the policy.
 */
public enum DeadlineKind {

    /** Policy 八: a sub-venue hands its A/V material to the main venue within 5 working days after the evaluation ends. */
    AV_HANDOVER_TO_MAIN,

    /** Policy 八: the main venue hands everything to the tenderer within 5 working days after receiving the last sub-venue's material. */
    AV_HANDOVER_TO_TENDERER,

    /** Policy 八: a sub-venue passes a clue of wrongdoing to the main venue (default 1 working day). */
    CLUE_TO_MAIN,

    /** Policy 八: the main venue records the clue's transfer to the discipline or law-enforcement body (default 1 working day). */
    CLUE_TRANSFER,

    /** Policy 二: the written explanation of an exempt tender, 15 calendar days after the winning bidder is set (Bidding Law art. 47). */
    EXEMPTION_EXPLANATION,

    /**
     * 月调度机制: the previous month's report reaches the provincial DRC before day N of the month after
     * the reported month (default the 5th; configurable whether "5日前" includes the 5th). Opened with
     * any day of the reported month as the start day.
     */
    MONTHLY_REPORT
}
