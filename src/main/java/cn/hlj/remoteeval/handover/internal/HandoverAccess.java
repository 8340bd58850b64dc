package cn.hlj.remoteeval.handover.internal;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Who may read hand-overs and clues: a tender's are the main venue's business (its staff and its
 * supervisor); a center sees the hand-overs it owes, by session code, without learning the tender.
 */
@Component
class HandoverAccess {

    private final CurrentActor actor;
    private final Tenders tenders;
    private final TradingCenters centers;

    HandoverAccess(CurrentActor actor, Tenders tenders, TradingCenters centers) {
        this.actor = actor;
        this.tenders = tenders;
        this.centers = centers;
    }

    /** The tender, when the caller is the operator or the main venue's staff or supervisor. */
    TenderFacts requireMainVenueReader(String tenderId) {
        TenderFacts tender = tenders.findVisibleToCaller(tenderId).orElseThrow(() -> ApiProblemException.notFound("标段不存在：" + tenderId));
        if (!actor.isOperator() && !actor.isStaffOf(tender.mainCenter()) && !actor.isSupervisorOf(tender.mainCenter())) {
            throw ApiProblemException.forbidden("只有主场交易中心的工作人员或行政监督部门可以查看该标段的资料移交和线索。");
        }
        return tender;
    }

    boolean isSupervisorOf(TenderFacts tender) {
        return actor.isSupervisorOf(tender.mainCenter());
    }

    void requireCenterStaff(String centerCode) {
        if (!centers.exists(centerCode)) {
            throw ApiProblemException.notFound("交易中心不存在：" + centerCode);
        }
        if (!actor.isOperator() && !actor.isStaffOf(centerCode)) {
            throw ApiProblemException.forbidden("只有本中心（" + centerCode + "）的工作人员可以查看本中心应办理的资料移交。");
        }
    }
}
