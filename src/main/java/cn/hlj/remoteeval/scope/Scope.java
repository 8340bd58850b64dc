package cn.hlj.remoteeval.scope;

/** How a tender section is evaluated. */
public enum Scope {
    /** 跨省远程异地评标. */
    CROSS_PROVINCE,
    /** 省内跨区域远程异地评标. */
    INTRA_PROVINCE,
    /** 不实行远程异地评标 (policy 一(二)), declared by the tenderer. */
    EXEMPT
}
