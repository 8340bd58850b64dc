package cn.hlj.remoteeval.venue;

/** The half-day slot in which workstations are booked and an evaluation is held. */
public enum HalfDay {
    /** 上午. */
    AM,
    /** 下午. */
    PM
}
