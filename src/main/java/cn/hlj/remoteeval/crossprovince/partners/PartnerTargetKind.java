package cn.hlj.remoteeval.crossprovince.partners;

/** What a target of policy 十 counts. */
enum PartnerTargetKind {
    /** Provinces whose joint test passed on or before the day, whatever happened to them since. */
    JOINT_TEST("通过联调测试"),
    /** Provinces connected on the day: connected, and not suspended that day. */
    CONNECTED("实现互联互通");

    private final String label;

    PartnerTargetKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
