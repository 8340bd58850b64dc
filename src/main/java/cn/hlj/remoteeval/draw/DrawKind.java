package cn.hlj.remoteeval.draw;

/** What a draw record is about. */
public enum DrawKind {
    /** The random pick of a tender's sub-venues and seat counts (policy 六). */
    VENUE,
    /** The random pick of a tender's experts (policy 五). */
    EXPERT,
    /** Sub-venues negotiated after the supervisor confirmed the fallback (协商确定); no seed, nothing to recompute. */
    NEGOTIATED_VENUES
}
