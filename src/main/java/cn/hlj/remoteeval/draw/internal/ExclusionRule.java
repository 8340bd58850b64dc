package cn.hlj.remoteeval.draw.internal;

/**
 * The conflict-of-interest and availability rules (回避) that remove candidates before an expert draw,
 * in the order they are applied: a removed candidate is recorded with the first rule that matches.
 * The reasons name the rule and at most an organisation or a project code, never a person.
 */
enum ExclusionRule {
    /** 工作单位 is the tenderer. */
    EMPLOYED_BY_TENDERER("工作单位为本项目招标人（%s）", false),
    /** 工作单位 is one of the bidders. */
    EMPLOYED_BY_BIDDER("工作单位为本项目投标人（%s）", false),
    /** A relation the expert declared with the tenderer or a bidder. */
    DECLARED_RELATION("申报与本项目招标人或投标人（%s）存在利害关系", false),
    /** Took part in an earlier stage of the same project. */
    EARLIER_STAGE("参与过本项目（项目编号 %s）的前期工作", false),
    /** Evaluated for the same tenderer more often than allowed in the last 12 months. */
    FREQUENT_FOR_TENDERER("近12个月为同一招标人评标 %d 次，超过上限 %d 次", false),
    /** Already drawn for this tender, whatever became of it (declined, no answer, no-show): never drawn again. */
    ALREADY_DRAWN_FOR_TENDER("已被抽取参加本标段评标，不再重复抽取", true),
    /** Booked on another tender on the same date and half-day. */
    BOOKED_IN_SLOT("同一日期同一时段已被抽取参加其他项目评标", true);

    private final String reasonTemplate;
    private final boolean mandatory;

    ExclusionRule(String reasonTemplate, boolean mandatory) {
        this.reasonTemplate = reasonTemplate;
        this.mandatory = mandatory;
    }

    /** Rules configuration may not switch off: turning them off would seat an expert twice. */
    boolean mandatory() {
        return mandatory;
    }

    String reason(Object... arguments) {
        return String.format(reasonTemplate, arguments);
    }
}
