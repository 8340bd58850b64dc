package cn.hlj.remoteeval.crossprovince.hosting;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.hosting.HostedExpertSeatStore.HostedExpertSeat;
import cn.hlj.remoteeval.crossprovince.hosting.HostedExpertSeatStore.State;
import cn.hlj.remoteeval.draw.HostedDrawRequest;
import cn.hlj.remoteeval.draw.HostedExpertDraws;
import cn.hlj.remoteeval.draw.HostedSeatSettled;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * This province's experts for a partner's session hosted here. The partner asks by {@code EXPERT_DRAW_REQUEST}
 * for seats by its own opaque references; each request is a round, drawn by the draw module at the hosting
 * center; once every seat of a round is settled (an expert accepted: {@code CONFIRMED}; no eligible expert
 * left: {@code SHORT}) the round's {@code EXPERT_DRAW_RESULT} goes to the partner. A seat that came back short
 * may be asked for again in a later round; a seat already being drawn or confirmed is never drawn again (a
 * request with nothing new is a duplicate: a settled round is answered again). Once the hosted session's
 * report is signed, {@code SIGNATURES_COLLECTED} tells the partner each confirmed seat's signature by an opaque
 * reference. Only seat references and states cross the border, never who.
 */
@Service
class HostedExpertSeats {

    private static final Logger log = LoggerFactory.getLogger(HostedExpertSeats.class);

    private final HostingStore hostings;
    private final HostedExpertSeatStore seats;
    private final SeatBookings bookings;
    private final HostedExpertDraws draws;
    private final ExchangeOutbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HostedExpertSeats(HostingStore hostings, HostedExpertSeatStore seats, SeatBookings bookings, HostedExpertDraws draws,
            ExchangeOutbox outbox, AuditLog audit, ObjectMapper json, Clock clock) {
        this.hostings = hostings;
        this.seats = seats;
        this.bookings = bookings;
        this.draws = draws;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    private record Requested(String seatRef, String specialtyCode) {
    }

    /**
     * The partner's request for experts for the session it was offered, in the inbox's transaction.
     *
     * @throws ExpertDrawRequestRefused when the partner has no active hosting here for the tender, the session
     *         is not the one offered, the evaluation is over, a seat is named twice, or more seats are asked for
     *         than the workstations booked
     */
    @Transactional
    void requested(String partner, String tenderRef, JsonNode body) {
        PartnerHosting hosting = hostings.active(partner, tenderRef).orElseThrow(() -> new ExpertDrawRequestRefused(
                seats.everHosted(partner, tenderRef) ? "该项目在本省的承接已取消，不能抽取专家。"
                        : "本省没有该项目（关联号 " + tenderRef + "）的有效承接记录，不能抽取专家。"));
        seats.lockHosting(hosting.id());
        String session = sessionOf(hosting);
        String sessionRef = body.path("sessionRef").asText();
        if (!session.equals(sessionRef)) {
            throw new ExpertDrawRequestRefused("场次编号 " + sessionRef + " 不是本省为该项目提供的场次。");
        }
        if (hosting.slot().date().isBefore(LocalDate.now(clock))) {
            throw new ExpertDrawRequestRefused("评标日期（" + hosting.slot().date() + "）已过，不能抽取专家。");
        }
        List<Requested> requested = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (JsonNode seat : body.path("seats")) {
            String seatRef = seat.path("seatRef").asText();
            if (!refs.add(seatRef)) {
                throw new ExpertDrawRequestRefused("同一请求中席位编号 " + seatRef + " 重复。");
            }
            requested.add(new Requested(seatRef, seat.path("specialtyCode").asText()));
        }
        List<String> excluded = new ArrayList<>();
        body.path("excludedOrganisations").forEach(name -> excluded.add(name.asText()));

        List<HostedExpertSeat> existing = seats.ofHosting(hosting.id());
        Map<String, HostedExpertSeat> latest = new HashMap<>();
        existing.forEach(seat -> latest.merge(seat.seatRef(), seat, (a, b) -> a.round() >= b.round() ? a : b));
        List<Requested> fresh = new ArrayList<>();
        List<HostedExpertSeat> known = new ArrayList<>();
        for (Requested seat : requested) {
            HostedExpertSeat before = latest.get(seat.seatRef());
            if (before == null || before.state() == State.SHORT) {
                fresh.add(seat);
            } else {
                known.add(before);
            }
        }
        if (fresh.isEmpty()) {
            answerAgain(hosting, session, known);
            return;
        }
        long held = latest.values().stream().filter(s -> s.state() == State.DRAWING || s.state() == State.CONFIRMED).count();
        if (held + fresh.size() > hosting.seats()) {
            throw new ExpertDrawRequestRefused("请求的专家席位（已有 " + held + " 个，新增 " + fresh.size() + " 个）超过本省为该项目预订的跨省评标工位数（"
                    + hosting.seats() + " 个）。");
        }
        int round = existing.stream().mapToInt(HostedExpertSeat::round).max().orElse(0) + 1;
        int seatNo = existing.stream().mapToInt(HostedExpertSeat::seatNo).max().orElse(0);
        Instant now = clock.instant();
        List<HostedDrawRequest.HostedSeat> drawn = new ArrayList<>();
        for (Requested seat : fresh) {
            seatNo++;
            seats.insert(hosting.id(), seatNo, round, seat.seatRef(), seat.specialtyCode(), now);
            drawn.add(new HostedDrawRequest.HostedSeat(seatNo, seat.specialtyCode()));
        }
        draws.draw(new HostedDrawRequest(hosting.id(), hosting.centerCode(), hosting.slot(), drawn, excluded));
        audit.append(now, ExchangeHostings.EXCHANGE_ACTOR_PREFIX + partner, "PARTNER_HOSTING_EXPERTS_REQUESTED",
                HostingService.AUDIT_SUBJECT, hosting.id(), "round=" + round + " seats=" + fresh.size()
                        + (known.isEmpty() ? "" : " alreadyRequested=" + known.size()));
        log.info("Hosting {}: round {} of the expert draw asked for {} seat(s)", hosting.id(), round, fresh.size());
    }

    /** A seat of a hosted draw settled: the round's result goes to the partner once all its seats are. */
    @Transactional
    void settled(HostedSeatSettled event) {
        if (!seats.lockHosting(event.hostingId())) {
            return;
        }
        Optional<HostedExpertSeat> seat = seats.find(event.hostingId(), event.seatNo());
        if (seat.isEmpty() || !seats.settle(event.hostingId(), event.seatNo(), event.confirmed() ? State.CONFIRMED
                : State.SHORT, event.settledAt())) {
            return;
        }
        PartnerHosting hosting = hostings.find(event.hostingId()).orElseThrow();
        if (hosting.state() != HostingState.ACTIVE) {
            return;
        }
        if (seat.get().reportedAt() != null) {
            afterNoShow(hosting, seats.find(hosting.id(), event.seatNo()).orElseThrow());
            return;
        }
        List<HostedExpertSeat> round = seats.round(hosting.id(), seat.get().round());
        if (round.stream().anyMatch(s -> s.state() == State.DRAWING || s.reportedAt() != null)) {
            return;
        }
        sendResult(hosting, sessionOf(hosting), round);
        seats.reported(hosting.id(), seat.get().round(), clock.instant());
        log.info("Hosting {}: round {} of the expert draw settled, result queued for the partner", hosting.id(),
                seat.get().round());
    }

    /**
     * A seat reported to the partner before was drawn again because its expert did not arrive. A replacement
     * who accepted changes nothing for the partner (the seat keeps its reference and stays CONFIRMED); a seat
     * left SHORT is told to the partner at once, that seat alone.
     */
    private void afterNoShow(PartnerHosting hosting, HostedExpertSeat seat) {
        if (seat.state() == State.CONFIRMED) {
            audit.append(clock.instant(), CurrentActor.SYSTEM, "PARTNER_HOSTING_EXPERT_REPLACED", HostingService.AUDIT_SUBJECT,
                    hosting.id(), "seat=" + seat.seatNo());
            log.info("Hosting {}: seat {} has a replacement expert after a no-show", hosting.id(), seat.seatNo());
            return;
        }
        sendResult(hosting, sessionOf(hosting), List.of(seat));
        log.info("Hosting {}: seat {} is short after a no-show, result queued for the partner", hosting.id(), seat.seatNo());
    }

    /** The seats of the hosted session as its staff know them: numbers of the seats an expert holds or is being found for. */
    @Transactional(readOnly = true)
    List<Integer> sessionSeats(String hostingId) {
        return seats.ofHosting(hostingId).stream()
                .filter(s -> s.state() == State.DRAWING || s.state() == State.CONFIRMED)
                .map(HostedExpertSeat::seatNo).toList();
    }

    /**
     * Checks what the hosted session's staff entered at 专家身份验证 (as a local venue's staff do): the session
     * has seats, every no-show seat is one of them, the experts present and the no-shows add up to its seats,
     * and without a no-show every identity must have been verified. Audited as the duty done when nobody is
     * missing.
     *
     * @throws IllegalArgumentException with a Chinese message for the staff
     */
    @Transactional(readOnly = true)
    void checkVerification(String hostingId, Long expertsPresent, List<Integer> noShows, boolean identitiesVerified,
            String actor) {
        requireActive(hostingId);
        List<Integer> here = sessionSeats(hostingId);
        if (here.isEmpty()) {
            // The partner asked this province for no expert (or none is left): there is nothing to draw again.
            if (!noShows.isEmpty()) {
                throw new IllegalArgumentException("本场次没有由本省抽取的专家席位，不能登记未到场，请联系合作省份主场处理");
            }
            if (expertsPresent == null || expertsPresent < 0) {
                throw new IllegalArgumentException("请填写到场专家人数（0 或正整数）");
            }
            if (!identitiesVerified) {
                throw new IllegalArgumentException("请核验本场次全部专家身份后再提交");
            }
            audit.append(clock.instant(), actor, "HOSTED_SESSION_IDENTITIES_VERIFIED", HostingService.AUDIT_SUBJECT,
                    hostingId, "present=" + expertsPresent + " noShows=0");
            return;
        }
        List<Integer> foreign = noShows.stream().filter(seat -> !here.contains(seat)).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("未到场专家席位号不属于本场次：" + HostedSeatNumbers.format(foreign));
        }
        if (expertsPresent == null || expertsPresent < 0) {
            throw new IllegalArgumentException("请填写到场专家人数（0 或正整数）");
        }
        if (expertsPresent + noShows.size() != here.size()) {
            throw new IllegalArgumentException("到场专家人数（" + expertsPresent + "）与未到场席位数（" + noShows.size()
                    + "）之和应等于本场次的专家席位数（" + here.size() + "）");
        }
        if (noShows.isEmpty() && !identitiesVerified) {
            throw new IllegalArgumentException("请核验本场次全部专家身份后再提交");
        }
        audit.append(clock.instant(), actor, "HOSTED_SESSION_IDENTITIES_VERIFIED", HostingService.AUDIT_SUBJECT, hostingId,
                "present=" + expertsPresent + " noShows=" + noShows.size());
    }

    /**
     * 登记未到场专家并补抽: each seat's expert did not arrive. The seat is drawn again under the same partner
     * reference (the draw module ends the invitation as a no-show and runs the supplementary draw with the usual
     * SMS and answer window); the partner hears only if no one is found (a SHORT result for that seat).
     *
     * @throws IllegalArgumentException with a Chinese message when a seat is not one of the session's
     */
    @Transactional
    int noShows(String hostingId, List<Integer> seatNos, String reportedBy) {
        seats.lockHosting(hostingId);
        PartnerHosting hosting = requireActive(hostingId);
        for (int seatNo : seatNos) {
            if (!seats.redraw(hosting.id(), seatNo)) {
                throw new IllegalArgumentException("未到场专家席位号不属于本场次：" + seatNo);
            }
            draws.noShow(hosting.id(), seatNo, reportedBy);
        }
        if (!seatNos.isEmpty()) {
            audit.append(clock.instant(), reportedBy, "PARTNER_HOSTING_EXPERT_NO_SHOWS", HostingService.AUDIT_SUBJECT,
                    hosting.id(), "seats=" + HostedSeatNumbers.format(seatNos));
            log.info("Hosting {}: {} no-show seat(s) reported, drawn again", hosting.id(), seatNos.size());
        }
        return seatNos.size();
    }

    private PartnerHosting requireActive(String hostingId) {
        PartnerHosting hosting = hostings.find(hostingId).orElseThrow(() -> new IllegalStateException("no hosting " + hostingId));
        if (hosting.state() != HostingState.ACTIVE) {
            throw new IllegalArgumentException("该承接已取消");
        }
        return hosting;
    }

    /** The hosted session's report is signed: each confirmed seat's signature goes to the partner, once. */
    @Transactional
    void reportSigned(HostedReportSigned event) {
        if (!seats.lockHosting(event.hostingId())) {
            return;
        }
        PartnerHosting hosting = hostings.find(event.hostingId()).orElseThrow();
        draws.evaluationEnded(hosting.id(), event.signedAt());
        if (hosting.state() != HostingState.ACTIVE) {
            return;
        }
        List<HostedExpertSeat> confirmed = seats.ofHosting(hosting.id()).stream()
                .filter(s -> s.state() == State.CONFIRMED && s.signedAt() == null).toList();
        if (confirmed.isEmpty()) {
            log.info("Hosting {}: report signed, no confirmed seat left to report", hosting.id());
            return;
        }
        Instant signedAt = event.signedAt().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = json.createObjectNode();
        body.put("sessionRef", sessionOf(hosting));
        ArrayNode list = body.putArray("seats");
        for (HostedExpertSeat seat : confirmed) {
            String signatureRef = "SIG-" + randomRef();
            list.addObject().put("seatRef", seat.seatRef()).put("signatureRef", signatureRef).put("signedAt",
                    signedAt.toString());
            seats.signed(hosting.id(), seat.seatNo(), signatureRef, signedAt);
        }
        outbox.send(hosting.partnerProvince(), MessageType.SIGNATURES_COLLECTED, hosting.partnerTenderRef(), body, null);
        audit.append(clock.instant(), CurrentActor.SYSTEM, "PARTNER_HOSTING_SIGNATURES_SENT", HostingService.AUDIT_SUBJECT,
                hosting.id(), "seats=" + confirmed.size());
        log.info("Hosting {}: report signed, {} signature(s) queued for the partner", hosting.id(), confirmed.size());
    }

    /**
     * The hosting is cancelled (by the partner or by staff), in the cancelling transaction: the experts' open
     * invitations are cancelled and they are told; no result goes to the partner any more.
     */
    void hostingCancelled(String hostingId, String why) {
        draws.cancelAll(hostingId, why);
        seats.cancel(hostingId, clock.instant());
    }

    private void answerAgain(PartnerHosting hosting, String session, List<HostedExpertSeat> known) {
        if (known.stream().anyMatch(s -> s.state() == State.DRAWING)) {
            log.info("Hosting {}: expert draw request repeated while its seats are being drawn; the result follows",
                    hosting.id());
            return;
        }
        sendResult(hosting, session, known);
        log.info("Hosting {}: expert draw request repeated for settled seats; the result is sent again", hosting.id());
    }

    private void sendResult(PartnerHosting hosting, String session, List<HostedExpertSeat> settled) {
        ObjectNode body = json.createObjectNode();
        body.put("sessionRef", session);
        ArrayNode list = body.putArray("seats");
        settled.forEach(seat -> list.addObject().put("seatRef", seat.seatRef()).put("state", seat.state().name()));
        outbox.send(hosting.partnerProvince(), MessageType.EXPERT_DRAW_RESULT, hosting.partnerTenderRef(), body, null);
        long confirmed = settled.stream().filter(s -> s.state() == State.CONFIRMED).count();
        audit.append(clock.instant(), CurrentActor.SYSTEM, "PARTNER_HOSTING_EXPERT_RESULT_SENT", HostingService.AUDIT_SUBJECT,
                hosting.id(), "confirmed=" + confirmed + " short=" + (settled.size() - confirmed));
    }

    private String sessionOf(PartnerHosting hosting) {
        return bookings.sessionCodeOf(hosting.id(), hosting.centerCode())
                .orElseThrow(() -> new IllegalStateException("hosting " + hosting.id() + " has no session"));
    }

    private String randomRef() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
