package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * What the draw module does when others' events commit: the end of an evaluation reveals the
 * seeds of the tender's draws; a moved evaluation or a withdrawn tender frees its seats.
 */
@Component
class DrawEventListeners {

    private static final Logger log = LoggerFactory.getLogger(DrawEventListeners.class);

    /**
     * The states in which a tender holds no venues for its current slot: seats still booked then
     * belong to an earlier slot. In any other state the venues for the new slot are already fixed
     * (the draw or the negotiation freed the old seats itself), and freeing would void them.
     */
    private static final Set<TenderState> VENUES_NOT_FIXED = EnumSet.of(TenderState.AWAITING_VENUE_DRAW,
            TenderState.AWAITING_NEGOTIATION_APPROVAL, TenderState.NEGOTIATING_VENUES, TenderState.AWAITING_RESCHEDULE,
            TenderState.AWAITING_PARTNER_ASSIGNMENT, TenderState.WITHDRAWN);

    private final DrawStore store;
    private final SeatBookings seats;
    private final Tenders tenders;
    private final AuditLog audit;

    DrawEventListeners(DrawStore store, SeatBookings seats, Tenders tenders, AuditLog audit) {
        this.store = store;
        this.seats = seats;
        this.tenders = tenders;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(EvaluationEnded event) {
        int revealed = store.reveal(event.tenderId(), DrawRecord.timestamp(event.endedAt()));
        if (revealed > 0) {
            audit.append(event.endedAt(), CurrentActor.SYSTEM, "DRAW_SEEDS_REVEALED", VenueDrawService.AUDIT_SUBJECT,
                    event.tenderId(), "draws=" + revealed);
            log.info("Tender {}: evaluation ended, {} draw seed(s) revealed", event.tenderId(), revealed);
        }
    }

    /**
     * Runs after the move committed, so it races the redraw that the move started. Under the new
     * slot's lock, which the redraw holds until it commits, the tender's state tells whether the
     * venues for the new slot are fixed yet; only if not are the (old) seats freed here.
     */
    @ApplicationModuleListener
    void on(EvaluationMoved event) {
        seats.lockSlot(event.to());
        Optional<TenderFacts> tender = tenders.find(event.tenderId());
        boolean oldSeatsOnly = tender.isEmpty()
                || tender.get().slot().equals(event.to()) && VENUES_NOT_FIXED.contains(tender.get().state());
        if (oldSeatsOnly) {
            released(event.tenderId(), seats.release(event.tenderId()), "EVALUATION_MOVED", event.movedAt(),
                    event.movedBy());
        }
    }

    @ApplicationModuleListener
    void on(TenderWithdrawn event) {
        released(event.tenderId(), seats.release(event.tenderId()), "TENDER_WITHDRAWN", event.withdrawnAt(),
                event.withdrawnBy());
    }

    private void released(String tenderId, int count, String trigger, Instant at, String by) {
        if (count == 0) {
            return;
        }
        audit.append(at, by, "VENUE_BOOKINGS_RELEASED", VenueDrawService.AUDIT_SUBJECT, tenderId,
                "trigger=" + trigger + " seats=" + count);
        log.info("Tender {}: {} seat(s) released ({})", tenderId, count, trigger);
    }
}
