package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.SeatsUnavailable;
import cn.hlj.remoteeval.venue.Slot;

/**
 * A partner moves the evaluation of its tender hosted here (MOVE). The hosting keeps its center: its seats
 * move to the new slot there under the same session code, so that the session reference the partner holds
 * stays valid, and the partner is offered that session again. A center without room in the new slot cannot
 * keep the session: the hosting is cancelled and the partner told so (CANCELLATION), to arrange the slot
 * elsewhere. Which center hosts never leaves the province, in either answer.
 */
@Service
@Transactional
class HostingMoves {

    private static final Logger log = LoggerFactory.getLogger(HostingMoves.class);

    private final HostingStore store;
    private final ExchangeHostings hostings;
    private final SeatBookings bookings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    HostingMoves(HostingStore store, ExchangeHostings hostings, SeatBookings bookings, ApplicationEventPublisher events,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.hostings = hostings;
        this.bookings = bookings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A MOVE from a partner that never had this tender hosted here cannot be matched and fails (a dead letter
     * for the operators); one for a hosting no longer active is answered with a cancellation, so that the
     * partner, which waits for an answer, arranges the slot elsewhere.
     */
    void moved(String partner, String tenderRef, Slot to) {
        String actor = ExchangeHostings.EXCHANGE_ACTOR_PREFIX + partner;
        Optional<PartnerHosting> active = store.active(partner, tenderRef);
        if (active.isEmpty()) {
            if (!store.known(partner, tenderRef)) {
                throw new IllegalStateException("本省没有承办贵省该标段的副场，无法调整评标时间");
            }
            hostings.cancellation(partner, tenderRef, "本省已取消承办该标段的副场，请另行安排副场");
            log.info("A partner moved a tender whose hosting here is no longer active; told it is cancelled");
            return;
        }
        PartnerHosting hosting = active.get();
        Slot from = hosting.slot();
        if (from.equals(to)) {
            hostings.offer(partner, tenderRef, hosting);
            return;
        }
        if (to.date().isBefore(LocalDate.now(clock))) {
            cancel(hosting, actor, "调整后的评标日期（" + to.date() + "）已过，本省已取消该标段的副场安排");
            return;
        }
        try {
            bookings.rebook(hosting.id(), to, true);
        } catch (SeatsUnavailable e) {
            cancel(hosting, actor, "本省承办该标段的副场在 " + to.date() + " " + HostingView.halfDayLabel(to.halfDay()) + " 没有 "
                    + hosting.seats() + " 个空闲的跨省评标工位，无法调整评标时间，本省已取消该标段的副场安排，请另行安排副场");
            return;
        }
        store.moved(hosting.id(), to);
        Instant now = clock.instant();
        audit.append(now, actor, "PARTNER_HOSTING_MOVED", HostingService.AUDIT_SUBJECT, hosting.id(),
                "from=" + from + " to=" + to + " seats=" + hosting.seats() + " through=exchange");
        hostings.movedHere(hosting.id());
        events.publishEvent(new HostingMoved(hosting.id(), from, to));
        log.info("Partner hosting {} moved to another slot at the same center", hosting.id());
        hostings.offer(partner, tenderRef, new PartnerHosting(hosting.id(), hosting.partnerProvince(),
                hosting.partnerTenderRef(), hosting.centerCode(), to, hosting.seats(), hosting.state(), hosting.registeredBy(),
                hosting.registeredAt(), hosting.cancelledBy(), hosting.cancelledAt()));
    }

    private void cancel(PartnerHosting hosting, String actor, String reason) {
        Instant now = clock.instant();
        if (store.cancel(hosting.id(), actor, now)) {
            int released = bookings.release(hosting.id());
            audit.append(now, actor, "PARTNER_HOSTING_CANCELLED", HostingService.AUDIT_SUBJECT, hosting.id(),
                    "releasedSeats=" + released + " reason=move not possible through=exchange");
            log.info("Partner hosting {} cancelled: the partner's new slot cannot be hosted", hosting.id());
            hostings.endedHere(hosting, "MOVE_NOT_HOSTABLE", reason);
        } else {
            hostings.cancellation(hosting.partnerProvince(), hosting.partnerTenderRef(), reason);
        }
    }
}
