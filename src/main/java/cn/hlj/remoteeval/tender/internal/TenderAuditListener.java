package cn.hlj.remoteeval.tender.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.ExemptionExplanationAcknowledged;
import cn.hlj.remoteeval.tender.ExemptionExplanationFiled;
import cn.hlj.remoteeval.tender.NationalExpertDrawRecorded;
import cn.hlj.remoteeval.tender.TenderClassified;
import cn.hlj.remoteeval.tender.TenderRegistered;
import cn.hlj.remoteeval.tender.WinningBidderRecorded;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.tender.VenueNegotiationDecided;
import cn.hlj.remoteeval.tender.VenuesArranged;

/**
 * Records the tender module's events in the audit log, after their transaction committed. It lives
 * here, not in the audit module, so that audit depends on nobody and every module may write to it.
 */
@Component
class TenderAuditListener {

    static final String SUBJECT = AuditLog.TENDER_SUBJECT;

    private final AuditLog log;

    TenderAuditListener(AuditLog log) {
        this.log = log;
    }

    @ApplicationModuleListener
    void on(TenderRegistered event) {
        log.append(event.registeredAt(), event.registeredBy(), "TENDER_REGISTERED", SUBJECT, event.tenderId(),
                "sectionCode=" + event.sectionCode() + " mainCenter=" + event.mainCenter() + " category="
                        + event.category());
    }

    @ApplicationModuleListener
    void on(TenderClassified event) {
        log.append(event.classifiedAt(), CurrentActor.SYSTEM, "TENDER_CLASSIFIED", SUBJECT, event.tenderId(),
                "scope=" + event.scope() + " reasons=" + String.join(",", event.scopeReasons()) + " rollout="
                        + event.rollout() + " state=" + event.state());
    }

    @ApplicationModuleListener
    void on(WinningBidderRecorded event) {
        log.append(event.recordedAt(), event.recordedBy(), "WINNING_BIDDER_RECORDED", SUBJECT, event.tenderId(), null);
    }

    @ApplicationModuleListener
    void on(ExemptionExplanationFiled event) {
        log.append(event.filedAt(), event.filedBy(), "EXEMPTION_EXPLANATION_FILED", SUBJECT, event.tenderId(), null);
    }

    @ApplicationModuleListener
    void on(ExemptionExplanationAcknowledged event) {
        log.append(event.acknowledgedAt(), event.acknowledgedBy(), "EXEMPTION_EXPLANATION_ACKNOWLEDGED", SUBJECT,
                event.tenderId(), null);
    }

    @ApplicationModuleListener
    void on(VenuesArranged event) {
        log.append(event.arrangedAt(), event.arrangedBy(), "VENUES_ARRANGED", SUBJECT, event.tenderId(),
                "method=" + event.method() + " record=" + event.recordId());
    }

    @ApplicationModuleListener
    void on(VenueNegotiationDecided event) {
        log.append(event.decidedAt(), event.supervisor(),
                event.approved() ? "VENUE_NEGOTIATION_APPROVED" : "VENUE_NEGOTIATION_REFUSED", SUBJECT,
                event.tenderId(), null);
    }

    @ApplicationModuleListener
    void on(EvaluationMoved event) {
        log.append(event.movedAt(), event.movedBy(), "EVALUATION_MOVED", SUBJECT, event.tenderId(),
                "from=" + event.from() + " to=" + event.to());
    }

    @ApplicationModuleListener
    void on(NationalExpertDrawRecorded event) {
        log.append(event.recordedAt(), event.recordedBy(), "NATIONAL_EXPERT_DRAW_RECORDED", SUBJECT, event.tenderId(),
                "reference=" + event.reference());
    }

    @ApplicationModuleListener
    void on(TenderWithdrawn event) {
        log.append(event.withdrawnAt(), event.withdrawnBy(), "TENDER_WITHDRAWN", SUBJECT, event.tenderId(),
                "reason=" + event.reason());
    }
}
