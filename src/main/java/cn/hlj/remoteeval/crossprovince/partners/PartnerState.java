package cn.hlj.remoteeval.crossprovince.partners;

/** Where a partner province stands on the way to cross-province evaluation (policy 十). */
enum PartnerState {
    NEGOTIATING("洽谈中"),
    JOINT_TEST_PASSED("已通过联调测试"),
    CONNECTED("已互联互通"),
    SUSPENDED("已暂停");

    private final String label;

    PartnerState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
