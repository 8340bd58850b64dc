package cn.hlj.remoteeval.crossprovince.hosting;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * This province as sub-venue for a partner's tender, through the exchange: a request books
 * cross-province workstations at one permanent cross-province sub-venue (PROV, HRB or QQHR, policy 四),
 * drawn at random among those with enough free seats in the slot, and answers the partner with an
 * opaque session reference; a request none of them can serve is declined with the reason. Which center
 * hosts is never sent: the session code stands for it.
 */
@Service
@Transactional
public class ExchangeHostings {

    /** Registered-by of hostings the exchange brings, so that the record says who asked. */
    static final String EXCHANGE_ACTOR_PREFIX = "exchange:";

    private static final Logger log = LoggerFactory.getLogger(ExchangeHostings.class);

    private final HostingStore store;
    private final SeatBookings bookings;
    private final TradingCenters centers;
    private final ExchangeOutbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final HostedExpertSeats expertSeats;
    private final ApplicationEventPublisher events;
    private final Random random = new SecureRandom();

    ExchangeHostings(HostingStore store, SeatBookings bookings, TradingCenters centers, ExchangeOutbox outbox, AuditLog audit,
            ObjectMapper json, Clock clock, HostedExpertSeats expertSeats, ApplicationEventPublisher events) {
        this.store = store;
        this.bookings = bookings;
        this.centers = centers;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.expertSeats = expertSeats;
        this.events = events;
    }

    /** A partner asks for {@code seats} sub-venue seats in {@code slot} for its tender {@code tenderRef}. */
    void requested(String partner, String tenderRef, Slot slot, int seats) {
        String actor = EXCHANGE_ACTOR_PREFIX + partner;
        Optional<PartnerHosting> existing = store.active(partner, tenderRef);
        if (existing.isPresent()) {
            // Asked again for a tender already hosted (the partner lost track): the same session again.
            offer(partner, tenderRef, existing.get());
            return;
        }
        if (slot.date().isBefore(LocalDate.now(clock))) {
            decline(partner, tenderRef, "评标日期（" + slot.date() + "）已过");
            return;
        }
        bookings.lockSlot(slot);
        Map<String, Integer> free = bookings.freeSeats(slot, true);
        List<String> able = centers.all().stream().filter(TradingCenter::permanentCrossProvinceSubVenue).map(TradingCenter::code)
                .filter(code -> free.getOrDefault(code, 0) >= seats).toList();
        if (able.isEmpty()) {
            decline(partner, tenderRef, "本省常态化跨省副场在 " + slot.date() + " " + HostingView.halfDayLabel(slot.halfDay())
                    + " 均无 " + seats + " 个空闲的跨省评标工位");
            return;
        }
        String center = able.get(random.nextInt(able.size()));
        Instant now = clock.instant();
        PartnerHosting hosting = new PartnerHosting(UUID.randomUUID().toString(), partner, tenderRef, center, slot, seats,
                HostingState.ACTIVE, actor, now, null, null);
        store.insert(hosting);
        bookings.book(hosting.id(), BookingPurpose.PARTNER_HOSTING, slot, Map.of(center, seats), true);
        audit.append(now, actor, "PARTNER_HOSTING_REGISTERED", HostingService.AUDIT_SUBJECT, hosting.id(),
                "partnerProvince=" + partner + " partnerTenderRef=" + tenderRef + " slot=" + slot + " seats=" + seats
                        + " through=exchange");
        log.info("Partner hosting {} registered from the exchange", hosting.id());
        offer(partner, tenderRef, hosting);
    }

    /** The partner took the offered sessions: recorded; the hosting stands and its evaluation day becomes duties here. */
    void accepted(String partner, String tenderRef) {
        store.active(partner, tenderRef).ifPresent(hosting -> {
            audit.append(clock.instant(), EXCHANGE_ACTOR_PREFIX + partner, "PARTNER_HOSTING_CONFIRMED",
                    HostingService.AUDIT_SUBJECT, hosting.id(), null);
            events.publishEvent(new HostingAccepted(hosting.id()));
        });
    }

    /**
     * The partner cancelled its tender here (withdrawn, moved, or the plan went another way): the seats are
     * freed. Answers whether there was an active hosting; a past one is kept as the record of what happened.
     */
    public boolean cancelledByPartner(String partner, String tenderRef) {
        Optional<PartnerHosting> hosting = store.active(partner, tenderRef);
        if (hosting.isEmpty()) {
            return false;
        }
        if (hosting.get().slot().date().isBefore(LocalDate.now(clock))) {
            log.warn("Partner {} cancelled hosting {} after its evaluation day; kept", partner, hosting.get().id());
            return true;
        }
        Instant now = clock.instant();
        String actor = EXCHANGE_ACTOR_PREFIX + partner;
        if (store.cancel(hosting.get().id(), actor, now)) {
            int released = bookings.release(hosting.get().id());
            expertSeats.hostingCancelled(hosting.get().id(), "CANCELLED_BY_PARTNER");
            audit.append(now, actor, "PARTNER_HOSTING_CANCELLED", HostingService.AUDIT_SUBJECT, hosting.get().id(),
                    "releasedSeats=" + released + " through=exchange");
            events.publishEvent(new HostingCancelled(hosting.get().id()));
        }
        return true;
    }

    /** Offers the hosting's session to the partner (again, after a move: the same session reference). */
    void offer(String partner, String tenderRef, PartnerHosting hosting) {
        String session = bookings.sessionCodeOf(hosting.id(), hosting.centerCode())
                .orElseThrow(() -> new IllegalStateException("hosting " + hosting.id() + " has no session"));
        ObjectNode body = json.createObjectNode();
        ObjectNode entry = body.putArray("sessions").addObject();
        entry.put("sessionRef", session);
        entry.put("seats", hosting.seats());
        outbox.send(partner, MessageType.SUB_VENUE_OFFER, tenderRef, body, null);
    }

    /**
     * This side ended a hosting before its day (its staff, or a move it cannot host): the invitations of its
     * experts are cancelled, its duties end, and a partner that arranged it through the exchange is told, so
     * that it arranges the session elsewhere instead of waiting for a session that will not be held.
     */
    void endedHere(PartnerHosting hosting, String why, String reason) {
        expertSeats.hostingCancelled(hosting.id(), why);
        events.publishEvent(new HostingCancelled(hosting.id()));
        if (!hosting.registeredBy().startsWith(EXCHANGE_ACTOR_PREFIX)) {
            return;
        }
        if (outbox.connectedPartners().contains(hosting.partnerProvince())) {
            cancellation(hosting.partnerProvince(), hosting.partnerTenderRef(), reason);
        } else {
            // Disconnected since (key or address withdrawn, suspended): the cancellation stands; the partner is
            // told by other means, which the audit entry asks for.
            audit.append(clock.instant(), CurrentActor.SYSTEM, "PARTNER_HOSTING_CANCELLATION_NOT_SENT",
                    HostingService.AUDIT_SUBJECT, hosting.id(), "reason=partner not connected through the exchange");
            log.warn("Hosting {} cancelled here; its partner is not connected, the cancellation was not sent", hosting.id());
        }
    }

    /**
     * The hosting's seats moved to the partner's new slot: the experts invited for the old slot are told it is
     * cancelled; the partner draws again for the new slot, with new seat references.
     */
    void movedHere(String hostingId) {
        expertSeats.hostingCancelled(hostingId, "MOVED");
    }

    void cancellation(String partner, String tenderRef, String reason) {
        ObjectNode body = json.createObjectNode();
        body.put("reason", reason);
        outbox.send(partner, MessageType.CANCELLATION, tenderRef, body, null);
    }

    private void decline(String partner, String tenderRef, String reason) {
        ObjectNode body = json.createObjectNode();
        body.put("reason", reason);
        outbox.send(partner, MessageType.SUB_VENUE_REFUSAL, tenderRef, body, null);
        audit.append(clock.instant(), EXCHANGE_ACTOR_PREFIX + partner, "PARTNER_HOSTING_DECLINED", HostingService.AUDIT_SUBJECT,
                tenderRef, reason);
        log.info("Sub-venue request of partner {} declined", partner);
    }
}
