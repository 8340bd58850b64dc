package cn.hlj.remoteeval.crossprovince.partners;

import java.time.LocalDate;

/**
 * A target as judged on a day. {@code reached} counts on {@code countedOn}: the judging day for a
 * target not yet due, the due date for one already past. {@code daysLeft} is negative once past due.
 */
record PartnerTargetStatus(PartnerTarget target, LocalDate on, LocalDate countedOn, int reached,
        PartnerTargetState state, long daysLeft) {

    /** The sentence the monthly report and the alert task show, in Chinese. */
    String text() {
        String base = "目标“" + target.label() + "”";
        return switch (state) {
            case MET -> base + "已完成：截至 " + countedOn + " 已有 " + reached + " 个省份" + target.kind().label() + "。";
            case ON_TRACK -> base + "推进中：截至 " + countedOn + " 已有 " + reached + " 个，尚差 "
                    + (target.count() - reached) + " 个，距截止日期 " + daysLeft + " 天。";
            case AT_RISK -> base + "存在未按期完成风险：截至 " + countedOn + " 仅有 " + reached + " 个，尚差 "
                    + (target.count() - reached) + " 个，距截止日期仅剩 " + daysLeft + " 天。";
            case MISSED -> base + "未按期完成：截止日期 " + target.due() + " 时仅有 " + reached + " 个，差 "
                    + (target.count() - reached) + " 个。";
        };
    }
}
