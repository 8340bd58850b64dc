package cn.hlj.remoteeval.crossprovince.partners;

import java.util.List;

/** The targets in force and the risk window, as configured and checked at start. */
record PartnerTargetPlan(List<PartnerTarget> targets, int riskDays) {

    PartnerTargetPlan {
        targets = List.copyOf(targets);
    }
}
