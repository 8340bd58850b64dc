package cn.hlj.remoteeval.venue;

/** Why seats were booked: the way the venue was fixed. */
public enum BookingPurpose {
    /** Main venue and sub-venues picked by the random venue draw (policy 六). */
    RANDOM_DRAW,
    /** Sub-venues negotiated after the supervisor confirmed the fallback (协商确定). */
    NEGOTIATED,
    /** This province's main venue of a cross-province tender; the partner fixes the sub-venues. */
    CROSS_PROVINCE_MAIN_VENUE,
    /** A partner province's tender hosted here on cross-province workstations. */
    PARTNER_HOSTING
}
