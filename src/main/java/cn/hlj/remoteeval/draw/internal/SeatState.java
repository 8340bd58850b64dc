package cn.hlj.remoteeval.draw.internal;

import java.util.EnumSet;
import java.util.Set;

/** Where an invitation to a committee seat stands; only the first two hold the seat (and the expert's half-day). */
enum SeatState {
    INVITED,
    ACCEPTED,
    DECLINED,
    NO_ANSWER,
    NO_SHOW,
    EXCLUDED,
    CANCELLED;

    static final Set<SeatState> HOLDING = EnumSet.of(INVITED, ACCEPTED);

    boolean holdsSeat() {
        return HOLDING.contains(this);
    }
}
