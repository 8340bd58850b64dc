package cn.hlj.remoteeval.tender;

/** How a tender's venues were fixed; which venues they are is not part of the tender. */
public enum VenueArrangementMethod {
    /** Picked by the system's random venue draw (policy 六). */
    RANDOM_DRAW("随机抽取"),
    /** Negotiated directly after the supervisor confirmed that no random pick could satisfy the tender. */
    NEGOTIATED("经行政监督部门确认协商确定"),
    /** Fixed by the partner province through the national dispatch system (cross-province). */
    PARTNER_PROVINCE("由合作省份确定");

    private final String label;

    VenueArrangementMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
