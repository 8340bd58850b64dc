package cn.hlj.remoteeval.draw;

/** What a draw record is about. */
public enum DrawKind {
    /** The random pick of a tender's sub-venues and seat counts (policy 六). */
    VENUE,
    /** The random pick of a tender's experts (policy 五). */
    EXPERT,
    /** Sub-venues negotiated after the supervisor confirmed the fallback (协商确定); no seed, nothing to recompute. */
    NEGOTIATED_VENUES,
    /**
     * The random pick of our experts for seats of a partner's session hosted here (this province as sub-venue),
     * first or supplementary; keyed by the hosting id, same algorithm as {@link #EXPERT}.
     */
    HOSTED_EXPERT,
    /**
     * The notice of a random draw about to run (抽取公告): the server seed's commitment and the entropy it will be
     * mixed with, appended and committed before the eligible list is read. Every random draw names its notice; a
     * notice no draw names shows an attempt that did not complete.
     */
    NOTICE
}
