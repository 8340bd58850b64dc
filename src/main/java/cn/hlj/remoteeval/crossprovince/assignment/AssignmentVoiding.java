package cn.hlj.remoteeval.crossprovince.assignment;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerSessions.PartnerSession;
import cn.hlj.remoteeval.crossprovince.assignment.AssignmentStore.VoidReason;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * A partner's plan holds for one slot: when the evaluation moves or the tender is withdrawn, the
 * plan is void and the main venue's seats are freed. This runs synchronously in the transaction
 * that moves or withdraws the tender, not after it: the tender then waits for a new plan, and an
 * asynchronous release could free the seats that new plan has booked meanwhile. A plan that came
 * through the exchange is read before it is void: its partner is asked to move its sessions
 * ({@link PartnerMoves}) in this transaction too.
 */
@Component
class AssignmentVoiding {

    private static final Logger log = LoggerFactory.getLogger(AssignmentVoiding.class);

    private final AssignmentStore store;
    private final SeatBookings bookings;
    private final ExchangePartnerSessions partnerSessions;
    private final PartnerMoves moves;
    private final AuditLog audit;

    AssignmentVoiding(AssignmentStore store, SeatBookings bookings, ExchangePartnerSessions partnerSessions,
            PartnerMoves moves, AuditLog audit) {
        this.store = store;
        this.bookings = bookings;
        this.partnerSessions = partnerSessions;
        this.moves = moves;
        this.audit = audit;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EvaluationMoved event) {
        List<PartnerSession> exchangePlan = partnerSessions.ofTender(event.tenderId());
        voidPlan(event.tenderId(), VoidReason.EVALUATION_MOVED, event.movedBy(), event.movedAt());
        moves.moved(event.tenderId(), exchangePlan, event.to(), event.movedBy());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TenderWithdrawn event) {
        voidPlan(event.tenderId(), VoidReason.TENDER_WITHDRAWN, event.withdrawnBy(), event.withdrawnAt());
    }

    private void voidPlan(String tenderId, VoidReason reason, String by, Instant at) {
        if (!store.voidCurrent(tenderId, reason, at)) {
            return;
        }
        int released = bookings.release(tenderId);
        audit.append(at, by, "CROSS_PROVINCE_ASSIGNMENT_VOIDED", AssignmentService.AUDIT_SUBJECT, tenderId,
                "reason=" + reason + " releasedSeats=" + released);
        log.info("Cross-province assignment of tender {} void ({}), {} main-venue seats released", tenderId, reason,
                released);
    }
}
