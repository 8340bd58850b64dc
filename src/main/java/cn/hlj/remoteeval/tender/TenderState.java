package cn.hlj.remoteeval.tender;

/** Where a tender section stands in its lifecycle, as staff see it. */
public enum TenderState {
    REGISTERED("已登记"),
    NOT_IN_ROLLOUT("未纳入省内推广范围"),
    AWAITING_VENUE_DRAW("等待随机抽取副场"),
    AWAITING_NEGOTIATION_APPROVAL("随机抽取无法满足，待行政监督部门确认协商确定副场"),
    NEGOTIATING_VENUES("经行政监督部门确认，协商确定副场中"),
    AWAITING_RESCHEDULE("行政监督部门未同意协商，待调整评标时间"),
    AWAITING_PARTNER_ASSIGNMENT("跨省远程异地评标，等待合作省份确定副场"),
    AWAITING_EXPERT_DRAW("评标场地已确定，等待抽取评标专家"),
    EXPERT_SHORTAGE("可抽取的评标专家不足，待行政监督部门处理"),
    AWAITING_EXPERT_CONFIRMATIONS("评标专家已抽取，等待专家确认参加"),
    /** Cross-province through the exchange: the main venue's experts confirmed, the partner's not all yet. */
    AWAITING_PARTNER_EXPERTS("本省评标专家均已确认，等待合作省份抽取并确认其余评标专家"),
    /** Cross-province through the exchange: the main venue's experts confirmed, the partner could not fill some seat. */
    PARTNER_EXPERT_SHORTAGE("合作省份可抽取的评标专家不足，待行政监督部门处理"),
    READY_FOR_EVALUATION("评标专家均已确认，等待评标"),
    EVALUATING("评标进行中"),
    HANDING_OVER("评标已结束，音视频等资料移交中"),
    HANDED_OVER("音视频等资料已移交招标人"),
    AWAITING_WINNING_BIDDER("不实行远程异地评标，等待确定中标人"),
    AWAITING_EXEMPTION_EXPLANATION("等待招标人提交书面说明"),
    EXEMPTION_EXPLAINED("书面说明已提交，待行政监督部门确认"),
    EXEMPTION_ACKNOWLEDGED("行政监督部门已确认收到书面说明"),
    WITHDRAWN("已撤回");

    private final String label;

    TenderState(String label) {
        this.label = label;
    }

    /** The state's name in Chinese, for pages and messages. */
    public String label() {
        return label;
    }
}
