package cn.hlj.remoteeval.scope;

import java.time.LocalDate;

/** Which (center, category) pairs run intra-province remote evaluation from which date (policy 十一). */
public interface RolloutPolicy {

    /** The rollout status of an intra-province tender of this center and category evaluated on that date. */
    RolloutStatus statusOf(String centerCode, Category category, LocalDate evaluationDate);
}
