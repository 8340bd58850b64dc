package cn.hlj.remoteeval.tender.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * Policy 二 and Bidding Law art. 47: an exempt tender's written explanation is due a configured
 * number of calendar days (15) after the day the winning bidder was determined. The deadline
 * module counts the days and fires the reminder and the breach; this service ties it to the tender.
 */
@Service
@Transactional
class ExemptionExplanationDeadline {

    private final TenderRepository tenders;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;

    ExemptionExplanationDeadline(TenderRepository tenders, Deadlines deadlines, AuditLog audit, Clock clock) {
        this.tenders = tenders;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    DeadlineTicket open(String tenderId) {
        Tender tender = tenders.findById(tenderId).orElseThrow(() -> ApiProblemException.notFound("标段不存在：" + tenderId));
        if (tender.winner() == null) {
            throw new IllegalStateException("Tender " + tenderId + " has no winning bidder yet");
        }
        LocalDate decidedOn = tender.winner().decidedOn();
        return deadlines.open(DeadlineKind.EXEMPTION_EXPLANATION, tenderId, tenderId, decidedOn);
    }

    void remind(String tenderId, String deadlineId) {
        audit.append(clock.instant(), CurrentActor.SYSTEM, "EXEMPTION_EXPLANATION_REMINDED", AuditLog.TENDER_SUBJECT,
                tenderId, "deadline=" + deadlineId);
    }

    /** The explanation was filed: the deadline fires no more (a late filing is kept as such by the deadline). */
    void explanationFiled(String deadlineId) {
        deadlines.complete(deadlineId);
    }

    void overdueFollowedUp(String tenderId, String supervisor, String measure) {
        audit.append(clock.instant(), supervisor, "EXEMPTION_EXPLANATION_OVERDUE_FOLLOWED_UP", AuditLog.TENDER_SUBJECT,
                tenderId, "measure=" + measure);
    }
}
