package cn.hlj.remoteeval.scope;

/** Why a tenderer declares that a tender will not be evaluated remotely (policy 一(二)). */
public enum ExemptionReason {
    /** 专业特殊. */
    SPECIAL_PROFESSION,
    /** 技术复杂. */
    TECHNICAL_COMPLEXITY,
    /** 涉及国家秘密. */
    STATE_SECRET,
    /** 其他特殊原因. */
    OTHER,
    /** 法律法规规定的其他情形. */
    LAW;

    /** The reason code listed in a tender's {@code scopeReasons} when it is exempt. */
    public String scopeReasonCode() {
        return "EXEMPTION_" + name();
    }
}
