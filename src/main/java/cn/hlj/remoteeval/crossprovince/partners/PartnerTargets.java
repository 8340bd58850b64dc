package cn.hlj.remoteeval.crossprovince.partners;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Judges the targets of policy 十 on a day. A target already due is judged by the situation on its
 * due date (what happened later neither saves nor spoils it); one not yet due by the situation on the
 * day: met when the count is reached, at risk when not and the due date is at most
 * {@code riskDays} days away (the due date itself included), on track otherwise.
 */
final class PartnerTargets {

    private PartnerTargets() {
    }

    static List<PartnerTargetStatus> judge(List<PartnerTarget> targets, List<PartnerTimeline> provinces, LocalDate on,
            int riskDays) {
        return targets.stream().map(target -> judge(target, provinces, on, riskDays)).toList();
    }

    static PartnerTargetStatus judge(PartnerTarget target, List<PartnerTimeline> provinces, LocalDate on,
            int riskDays) {
        boolean pastDue = on.isAfter(target.due());
        LocalDate countedOn = pastDue ? target.due() : on;
        int reached = (int) provinces.stream().filter(p -> p.counts(target.kind(), countedOn)).count();
        long daysLeft = ChronoUnit.DAYS.between(on, target.due());
        PartnerTargetState state;
        if (reached >= target.count()) {
            state = PartnerTargetState.MET;
        } else if (pastDue) {
            state = PartnerTargetState.MISSED;
        } else if (daysLeft <= riskDays) {
            state = PartnerTargetState.AT_RISK;
        } else {
            state = PartnerTargetState.ON_TRACK;
        }
        return new PartnerTargetStatus(target, on, countedOn, reached, state, daysLeft);
    }
}
