package cn.hlj.remoteeval.tender.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.scope.RolloutPolicy;
import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.scope.ScopeDecision;
import cn.hlj.remoteeval.tender.TenderDispatch;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Application service of the tender module. Registration, the scope decision and the process
 * start run in one transaction: a request that fails anywhere leaves no row, no process instance
 * and no history behind.
 */
@Service
@Transactional
class TenderService implements TenderDispatch {

    private static final Logger log = LoggerFactory.getLogger(TenderService.class);

    private final TenderRepository tenders;
    private final TenderLifecycle lifecycle;
    private final RolloutPolicy rollout;
    private final ExpertPool pool;
    private final Clock clock;

    TenderService(TenderRepository tenders, TenderLifecycle lifecycle, RolloutPolicy rollout, ExpertPool pool,
            Clock clock) {
        this.tenders = tenders;
        this.lifecycle = lifecycle;
        this.rollout = rollout;
        this.pool = pool;
        this.clock = clock;
    }

    TenderView register(TenderRegistration registration, String registeredBy) {
        if (tenders.existsBySectionCode(registration.sectionCode())) {
            throw duplicateSectionCode(registration.sectionCode());
        }
        Map<String, Integer> requested = new LinkedHashMap<>();
        registration.specialties().forEach(s -> requested.put(s.code(), s.expertCount()));
        Tender tender = Tender.register(registration, pool.shortage(requested), registeredBy, clock.instant());
        try {
            tenders.save(tender);
        } catch (DuplicateKeyException e) {
            throw duplicateSectionCode(registration.sectionCode());
        }
        lifecycle.start(tender);
        Tender started = load(tender.id());
        log.info("Tender {} registered at {}: scope {}, rollout {}, state {}", started.id(), started.mainCenter(),
                started.scope(), started.rollout(), started.state());
        return TenderView.of(started);
    }

    @Transactional(readOnly = true)
    TenderView view(String tenderId) {
        return TenderView.of(load(tenderId));
    }

    Scope decideScope(String tenderId, List<? extends Map<String, ?>> ruleResults) {
        Tender tender = load(tenderId);
        tender.decideScope(ScopeDecision.fromRuleResults(ruleResults), clock.instant());
        tenders.save(tender);
        return tender.scope();
    }

    RolloutStatus assessRollout(String tenderId) {
        Tender tender = load(tenderId);
        tender.assessRollout(rollout.statusOf(tender.mainCenter(), tender.category(), tender.evaluationDate()),
                clock.instant());
        tenders.save(tender);
        return tender.rollout();
    }

    TenderView recordWinningBidder(String tenderId, String bidder, LocalDate decidedOn, String recordedBy) {
        Tender tender = load(tenderId);
        try {
            tender.recordWinningBidder(bidder, decidedOn, recordedBy, clock.instant());
        } catch (TenderStateConflict e) {
            throw ApiProblemException.conflict("只有声明不实行远程异地评标、正在等待确定中标人的标段才能登记中标人；当前状态："
                    + e.state().label() + "。", null, null);
        }
        tenders.save(tender);
        lifecycle.winningBidderRecorded(tenderId);
        return TenderView.of(load(tenderId));
    }

    TenderView fileExemptionExplanation(String tenderId, String text, LocalDate submittedOn, String filedBy) {
        Tender tender = load(tenderId);
        if (tender.winner() != null && submittedOn.isBefore(tender.winner().decidedOn())) {
            throw ApiProblemException.invalid("submittedOn", "书面说明应在确定中标人之后提交");
        }
        try {
            tender.fileExemptionExplanation(text, submittedOn, filedBy, clock.instant());
        } catch (TenderStateConflict e) {
            throw ApiProblemException.conflict("只有已确定中标人、正在等待书面说明的标段才能提交书面说明；当前状态："
                    + e.state().label() + "。", null, null);
        }
        tenders.save(tender);
        lifecycle.exemptionExplanationFiled(tenderId, text);
        return TenderView.of(load(tenderId));
    }

    void acknowledgeExemptionExplanation(String tenderId, String supervisor) {
        Tender tender = load(tenderId);
        tender.acknowledgeExemptionExplanation(supervisor, clock.instant());
        tenders.save(tender);
    }

    @Override
    public void venuesDrawn(String tenderId, String drawId) {
        transition(tenderId, tender -> tender.venuesDrawn(drawId, clock.instant()), "接受随机抽取的评标场地");
    }

    @Override
    public void venueDrawFailed(String tenderId, String drawId) {
        transition(tenderId, tender -> tender.venueDrawFailed(drawId, clock.instant()), "转入协商确定副场");
    }

    @Override
    public void venuesNegotiated(String tenderId, String recordId, String negotiatedBy) {
        transition(tenderId, tender -> tender.venuesNegotiated(recordId, negotiatedBy, clock.instant()), "登记协商确定的副场");
        lifecycle.negotiatedVenuesEntered(tenderId);
    }

    @Override
    public void partnerAssignmentReceived(String tenderId, String receivedBy) {
        transition(tenderId, tender -> tender.partnerAssignmentReceived(receivedBy, clock.instant()), "接受合作省份确定的副场");
        lifecycle.partnerAssignmentReceived(tenderId, Tender.throughExchange(receivedBy));
    }

    @Override
    public void noExpertSeatsHere(String tenderId) {
        transition(tenderId, tender -> tender.noExpertSeatsHere(clock.instant()), "确认主场无需抽取评标专家");
    }

    @Override
    public void partnerExpertDrawRequested(String tenderId) {
        transition(tenderId, tender -> tender.partnerExpertDrawRequested(clock.instant()), "请求合作省份抽取评标专家");
    }

    @Override
    public void partnerExpertsDrawn(String tenderId, boolean anyShort) {
        transition(tenderId, tender -> tender.partnerExpertsDrawn(anyShort, clock.instant()), "接受合作省份的专家抽取结果");
        lifecycle.partnerExpertsDrawn(tenderId, anyShort);
    }

    @Override
    public void expertsDrawn(String tenderId, String drawId) {
        transition(tenderId, tender -> tender.expertsDrawn(drawId, clock.instant()), "接受抽取的评标专家");
    }

    @Override
    public void expertDrawFailed(String tenderId, String drawId) {
        transition(tenderId, tender -> tender.expertDrawFailed(drawId, clock.instant()), "转入专家不足处理");
    }

    @Override
    public void expertAnswered(String tenderId, int seat, boolean accepted, boolean committeeComplete) {
        if (committeeComplete) {
            transition(tenderId, tender -> tender.committeeComplete(clock.instant()), "确认评标委员会组成");
        }
        lifecycle.expertAnswered(tenderId, seat, accepted);
    }

    @Override
    public void expertSeatVacated(String tenderId, int seat) {
        transition(tenderId, tender -> tender.committeeSeatVacated(clock.instant()), "补抽评标专家");
        lifecycle.expertSeatVacated(tenderId, seat);
    }

    void recordNationalExpertDraw(String tenderId, String reference, String recordedBy) {
        Tender tender = load(tenderId);
        tender.nationalExpertDrawRecorded(reference, recordedBy, clock.instant());
        tenders.save(tender);
        log.info("Tender {}: experts drawn through the national dispatch system", tenderId);
    }

    TenderView recordBidders(String tenderId, List<String> names, String recordedBy) {
        Tender tender = load(tenderId);
        transition(tender, t -> t.recordBidders(names, recordedBy, clock.instant()), "登记投标人");
        log.info("Tender {}: {} bidders recorded at bid opening", tenderId, names.size());
        return TenderView.of(load(tenderId));
    }

    void decideVenueNegotiation(String tenderId, boolean approved, String supervisor) {
        Tender tender = load(tenderId);
        tender.decideNegotiation(approved, supervisor, clock.instant());
        tenders.save(tender);
        log.info("Tender {}: supervisor {} the negotiation of sub-venues", tenderId, approved ? "approved" : "refused");
    }

    TenderView moveEvaluation(String tenderId, Slot to, String movedBy) {
        if (to.date().isBefore(LocalDate.now(clock))) {
            throw ApiProblemException.invalid("evaluationDate", "评标日期不能早于今天");
        }
        Tender tender = load(tenderId);
        if (tender.slot().equals(to)) {
            throw ApiProblemException.invalid("evaluationDate", "新的评标日期和时段与原安排相同");
        }
        transition(tender, t -> t.moveEvaluation(to, movedBy, clock.instant()), "调整评标时间");
        lifecycle.evaluationMoved(tenderId, to);
        log.info("Tender {}: evaluation moved to {}", tenderId, to);
        return TenderView.of(load(tenderId));
    }

    TenderView withdraw(String tenderId, String reason, String withdrawnBy) {
        Tender tender = load(tenderId);
        transition(tender, t -> t.withdraw(reason, withdrawnBy, clock.instant()), "撤回");
        lifecycle.withdrawn(tenderId);
        log.info("Tender {} withdrawn", tenderId);
        return TenderView.of(load(tenderId));
    }

    void evaluationStarted(String tenderId) {
        transition(tenderId, tender -> tender.evaluationStarted(clock.instant()), "开始评标");
    }

    void evaluationEnded(String tenderId) {
        transition(tenderId, tender -> tender.evaluationEnded(clock.instant()), "结束评标");
    }

    void materialHandedOver(String tenderId) {
        transition(tenderId, tender -> tender.materialHandedOver(clock.instant()), "登记资料已移交招标人");
    }

    private void transition(String tenderId, java.util.function.Consumer<Tender> change, String what) {
        transition(load(tenderId), change, what);
    }

    private void transition(Tender tender, java.util.function.Consumer<Tender> change, String what) {
        try {
            change.accept(tender);
        } catch (TenderStateConflict e) {
            throw ApiProblemException.conflict("标段当前状态为“" + e.state().label() + "”，不能" + what + "。", null, null);
        }
        tenders.save(tender);
    }

    private Tender load(String tenderId) {
        return tenders.findById(tenderId).orElseThrow(() -> notFound(tenderId));
    }

    /** The same answer for a tender that does not exist and for one the caller may not read. */
    static ApiProblemException notFound(String tenderId) {
        return ApiProblemException.notFound("标段不存在：" + tenderId);
    }

    private static ApiProblemException duplicateSectionCode(String sectionCode) {
        return ApiProblemException.conflict("标段编号 " + sectionCode + " 已登记，不能重复登记。", "sectionCode", "标段编号已存在");
    }
}
