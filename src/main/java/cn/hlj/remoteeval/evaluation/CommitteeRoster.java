package cn.hlj.remoteeval.evaluation;

import java.util.List;

/**
 * The committee as the evaluation day needs it, provided by the module that drew it (a port: the
 * draw module implements it, so the evaluation module never depends on the draw). Experts appear
 * by opaque reference and seat number only.
 */
public interface CommitteeRoster {

    /** Every seat of the tender's committee that must sign the report, with its current expert. */
    List<Seat> seats(String tenderId);

    /** The seats hosted at one venue session (the staff there verify and seat these). */
    List<Seat> seatsAt(String tenderId, String sessionCode);

    /**
     * The seat's expert did not come: the seat is vacated and a supplementary draw (补抽) starts.
     *
     * @param actor the user who found the no-show, for the audit log
     */
    void reportNoShow(String tenderId, int seat, String actor);

    /**
     * @param seat the committee seat number, 1..n
     * @param expertRef the opaque reference of the expert now in the seat (never a name or id number)
     * @param sessionCode the anonymous session of the venue that hosts the seat
     */
    record Seat(int seat, String expertRef, String sessionCode) {
    }
}
