package cn.hlj.remoteeval.tender;

/** Where a tender section stands in its lifecycle, as staff see it. */
public enum TenderState {
    REGISTERED("已登记"),
    AWAITING_DISPATCH("等待场地与专家抽取"),
    NOT_IN_ROLLOUT("未纳入省内推广范围"),
    AWAITING_WINNING_BIDDER("不实行远程异地评标，等待确定中标人"),
    AWAITING_EXEMPTION_EXPLANATION("等待招标人提交书面说明"),
    EXEMPTION_EXPLAINED("书面说明已提交，待行政监督部门确认"),
    EXEMPTION_ACKNOWLEDGED("行政监督部门已确认收到书面说明");

    private final String label;

    TenderState(String label) {
        this.label = label;
    }

    /** The state's name in Chinese, for pages and messages. */
    public String label() {
        return label;
    }
}
