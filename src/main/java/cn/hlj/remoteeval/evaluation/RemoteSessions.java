package cn.hlj.remoteeval.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * The sessions of a tender that a partner province holds (this province as main venue of a
 * cross-province tender), as the evaluation day needs them: opaque session references and what the
 * partner reported of each, never the partner's centers, nor which province it is. A port: the
 * cross-province module implements it, so that the evaluation module never depends on the exchange.
 */
public interface RemoteSessions {

    /**
     * The references of the tender's sessions held by a partner, in the order of its plan; empty for a
     * tender without such sessions. Opens each session's progress record, so that a report arriving
     * while the evaluation day is being prepared finds it.
     */
    List<String> of(String tenderId);

    /**
     * Whether the partner reported the session's report signed for every seat of the session. Reads
     * under a lock on the session's record, so that a report arriving at the same moment either is seen
     * here or finds the evaluation day waiting for it.
     */
    boolean signed(String tenderId, String sessionRef);

    /** What the partners reported of each of the tender's sessions, in the order of {@link #of}. */
    List<Progress> progress(String tenderId);

    /**
     * One partner session's day as its partner reported it; a time is null until reported.
     *
     * @param signatures how many of the session's seats were reported signed
     */
    record Progress(String sessionRef, int seats, Instant startedAt, Instant endedAt, int signatures, Instant signedAt) {
    }
}
