package cn.hlj.remoteeval.scope;

/** Whether a tender runs remotely under the rollout of policy 十一. */
public enum RolloutStatus {
    REMOTE,
    /** Intra-province, but its (center, category) pair is not live on its evaluation date. */
    NOT_IN_ROLLOUT
}
