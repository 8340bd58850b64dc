package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderDispatch;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The random sub-venue draw of an intra-province tender (policy 六), in one transaction: the slot
 * slot is locked, the tender's earlier bookings are freed, the notice is committed apart
 * ({@link DrawNotices}), the free seats are read, the draw runs
 * ({@link VenueDrawAlgorithm}), the seats are booked, the tender moves on, and the record is
 * appended to the chain with its seed kept apart. A failure anywhere leaves nothing behind.
 *
 * <p>Nothing here logs or audits a center: which centers host a tender is secret until its
 * evaluation ends.
 */
@Service
class VenueDrawService implements VenueDraws {

    static final String AUDIT_SUBJECT = "TENDER";

    private static final Logger log = LoggerFactory.getLogger(VenueDrawService.class);

    private final Tenders tenders;
    private final SeatBookings seats;
    private final TenderDispatch dispatch;
    private final DrawChain chain;
    private final VenueDrawAlgorithm algorithm;
    private final SeatPlanLimits limits;
    private final DrawNotices notices;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final MeterRegistry meters;

    VenueDrawService(Tenders tenders, SeatBookings seats, TenderDispatch dispatch, DrawChain chain,
            VenueDrawAlgorithm algorithm, SeatPlanLimits limits, DrawNotices notices, AuditLog audit, CurrentActor actor,
            Clock clock, MeterRegistry meters) {
        this.tenders = tenders;
        this.seats = seats;
        this.dispatch = dispatch;
        this.chain = chain;
        this.algorithm = algorithm;
        this.limits = limits;
        this.notices = notices;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    @Transactional
    public boolean draw(String tenderId) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = DrawTimers.FAILED;
        try {
            boolean drawn = drawInTransaction(tenderId);
            outcome = drawn ? DrawTimers.DRAWN : DrawTimers.NO_RANDOM_PICK;
            return drawn;
        } finally {
            sample.stop(DrawTimers.timer(meters, DrawTimers.VENUE_DRAW, "the venue draw of one tender", "outcome", outcome));
        }
    }

    private boolean drawInTransaction(String tenderId) {
        TenderFacts tender = tenders.find(tenderId)
                .orElseThrow(() -> new IllegalStateException("no tender " + tenderId + " to draw venues for"));
        if (tender.scope() != Scope.INTRA_PROVINCE) {
            // Policy 六: for a cross-province tender the partner province fixes the sub-venues.
            throw new IllegalStateException("tender " + tenderId + " is not intra-province; its venues are not drawn here");
        }
        Slot slot = tender.slot();
        // Lock before freeing the earlier seats: the listener of a moved evaluation takes the same two
        // locks in this order, and the opposite order could deadlock with it.
        seats.lockSlot(slot);
        seats.release(tenderId);
        // Committed before the free seats are read, and before the entropy it plans exists.
        Noticed noticed = notices.announce(DrawKind.VENUE, tenderId);
        Map<String, Integer> free = seats.freeSeats(slot, false);
        VenueDrawRequest request = new VenueDrawRequest(tender.committeeSize(), tender.mainCenter(), slot, limits);
        DerivedSeed seed = notices.seedAfterSnapshot(noticed, clock.instant());
        VenueDrawOutcome outcome = algorithm.draw(seed.stream(), request, free);

        String drawId = UUID.randomUUID().toString();
        if (outcome.drawn()) {
            seats.book(tenderId, BookingPurpose.RANDOM_DRAW, slot, outcome.seatsByCenter(), false);
            dispatch.venuesDrawn(tenderId, drawId);
        } else {
            dispatch.venueDrawFailed(tenderId, drawId);
        }
        // Appended last: the chain head is one lock for the whole province, held until commit.
        String by = actor.userId();
        chain.append(new NewDraw(drawId, DrawKind.VENUE, tenderId, VenueDrawAlgorithm.ID_V2, seed.commitment(),
                Canonical.encodeCounts(free), request.canonical(), outcome.canonical(), by).noticed(seed), seed.serverSeed());
        audit.append(clock.instant(), by, outcome.drawn() ? "VENUE_DRAW_COMPLETED" : "VENUE_DRAW_NO_RANDOM_PICK",
                AUDIT_SUBJECT, tenderId, "drawId=" + drawId);
        if (outcome.drawn()) {
            log.info("Tender {}: venue draw {} booked the venues", tenderId, drawId);
        } else {
            log.info("Tender {}: venue draw {} found no random pick, fallback to negotiation", tenderId, drawId);
        }
        return outcome.drawn();
    }
}
