package cn.hlj.remoteeval.crossprovince.assignment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerSessions.PartnerSession;
import cn.hlj.remoteeval.crossprovince.assignment.PartnerExpertSeats.Seat;
import cn.hlj.remoteeval.crossprovince.assignment.PartnerExpertSeats.State;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.CommitteeRequirement;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderDispatch;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.tender.Tenders;

/**
 * The partner province's share of a cross-province committee whose plan came through the exchange
 * (policy 五, issue 16 item 4): the partner draws the experts of its sessions' seats from its own pool.
 * This province asks it with one {@code EXPERT_DRAW_REQUEST} per partner session, each seat under a fresh
 * opaque reference with the specialty it needs (the committee's split, {@link CommitteeRequirement#partnerShare}),
 * and takes its {@code EXPERT_DRAW_RESULT}s: once every seat of the round is answered, the lifecycle hears
 * whether any came back SHORT. A SHORT seat is asked again in the next round under a new reference; a
 * CONFIRMED one stays. Only counts and references cross; no expert is named on either side of this class.
 */
@Service
@Transactional
class PartnerExpertDraws {

    static final String SEAT_REF_PREFIX = "ES-";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    /** 20 base-32 characters: 100 random bits, never derived from anything. */
    private static final int SEAT_REF_LENGTH = 20;
    private static final int MAX_ORGANISATIONS = 500;
    private static final int MAX_ORGANISATION_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(PartnerExpertDraws.class);

    private final Tenders tenders;
    private final TenderDispatch dispatch;
    private final ExchangePartnerSessions sessions;
    private final PartnerExpertSeats seats;
    private final ExchangeOutbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PartnerExpertDraws(Tenders tenders, TenderDispatch dispatch, ExchangePartnerSessions sessions, PartnerExpertSeats seats,
            ExchangeOutbox outbox, AuditLog audit, ObjectMapper json, Clock clock) {
        this.tenders = tenders;
        this.dispatch = dispatch;
        this.sessions = sessions;
        this.seats = seats;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Asks the partner to draw the experts of the seats not confirmed yet: every seat of its sessions the
     * first time, the SHORT ones of the latest round afterwards. The requests leave when the caller commits.
     *
     * @return how many seats were asked for
     */
    int request(String tenderId) {
        List<Seat> current = seats.current(tenderId);
        int round = seats.nextRound(tenderId);
        List<Seat> asked = current.isEmpty() ? firstRound(tenderId, round) : againFor(tenderId, current, round);
        Instant now = clock.instant();
        Map<String, List<Seat>> bySession = new LinkedHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            Seat seat = asked.get(i);
            seats.insert(seat, i, now);
            bySession.computeIfAbsent(seat.partner() + " " + seat.sessionRef(), k -> new ArrayList<>()).add(seat);
        }
        ArrayNode excluded = excludedOrganisations(tenders.committeeRequirement(tenderId).orElseThrow());
        for (List<Seat> session : bySession.values()) {
            ObjectNode body = json.createObjectNode();
            body.put("sessionRef", session.get(0).sessionRef());
            ArrayNode list = body.putArray("seats");
            session.forEach(seat -> list.addObject().put("seatRef", seat.seatRef()).put("specialtyCode", seat.specialtyCode()));
            body.set("excludedOrganisations", excluded.deepCopy());
            outbox.send(session.get(0).partner(), MessageType.EXPERT_DRAW_REQUEST, tenderId, body, null);
        }
        dispatch.partnerExpertDrawRequested(tenderId);
        Set<String> partners = new LinkedHashSet<>();
        asked.forEach(seat -> partners.add(seat.partner()));
        audit.append(now, CurrentActor.SYSTEM, "PARTNER_EXPERT_DRAW_REQUESTED", AssignmentService.AUDIT_SUBJECT, tenderId,
                "partner=" + String.join(",", partners) + " round=" + round + " sessions=" + bySession.size()
                        + " seats=" + asked.size());
        log.info("Tender {}: partner expert draw requested, round {}, {} seats in {} sessions", tenderId, round,
                asked.size(), bySession.size());
        return asked.size();
    }

    /** The partner's sessions in plan order take the partner's share of the specialties, in entry order, seat by seat. */
    private List<Seat> firstRound(String tenderId, int round) {
        List<PartnerSession> plan = sessions.ofTender(tenderId);
        int partnerSeats = plan.stream().mapToInt(PartnerSession::seats).sum();
        CommitteeRequirement requirement = tenders.committeeRequirement(tenderId).orElseThrow();
        if (plan.isEmpty() || partnerSeats > requirement.expertCount()) {
            throw new IllegalStateException("tender " + tenderId + " has no exchange plan whose partner seats fit its committee");
        }
        List<String> specialties = new ArrayList<>();
        requirement.partnerShare(requirement.expertCount() - partnerSeats)
                .forEach((code, count) -> specialties.addAll(java.util.Collections.nCopies(count, code)));
        List<Seat> asked = new ArrayList<>();
        int next = 0;
        for (PartnerSession session : plan) {
            for (int i = 0; i < session.seats(); i++) {
                asked.add(new Seat(newSeatRef(), tenderId, session.partner(), session.sessionRef(), specialties.get(next++),
                        State.REQUESTED, round, false));
            }
        }
        return asked;
    }

    private List<Seat> againFor(String tenderId, List<Seat> current, int round) {
        int latest = current.get(current.size() - 1).round();
        List<Seat> short_ = new ArrayList<>();
        for (Seat seat : current) {
            if (seat.round() != latest) {
                continue;
            }
            if (seat.state() == State.REQUESTED) {
                throw new IllegalStateException("tender " + tenderId + " still waits for the partner's answer of round " + latest);
            }
            if (seat.state() == State.SHORT) {
                short_.add(new Seat(newSeatRef(), tenderId, seat.partner(), seat.sessionRef(), seat.specialtyCode(),
                        State.REQUESTED, round, false));
            }
        }
        if (short_.isEmpty()) {
            throw new IllegalStateException("tender " + tenderId + " has no partner seat left to ask for");
        }
        return short_;
    }

    /**
     * A partner's EXPERT_DRAW_RESULT for one of its sessions. Only the partner that holds the session of the
     * tender's current plan may answer, and only for seats asked for in the latest round, or SHORT for a seat
     * it confirmed before (a no-show it could not replace); anything else throws (the message becomes a dead
     * letter for the operators). An answer given before, the same again, changes nothing; one for a plan that
     * has become void since is ignored.
     */
    void answered(String partner, String tenderId, JsonNode body) {
        String sessionRef = body.get("sessionRef").asText();
        Instant now = clock.instant();
        boolean ours = sessions.ofTender(tenderId).stream()
                .anyMatch(s -> s.partner().equals(partner) && s.sessionRef().equals(sessionRef));
        List<Seat> current = seats.current(tenderId);
        Map<String, State> answers = new LinkedHashMap<>();
        for (JsonNode node : body.get("seats")) {
            answers.put(node.get("seatRef").asText(), State.valueOf(node.get("state").asText()));
        }
        if (!ours) {
            boolean voided = answers.keySet().stream().map(seats::find).allMatch(seat -> seat.isPresent()
                    && seat.get().voided() && seat.get().tenderId().equals(tenderId) && seat.get().partner().equals(partner));
            if (voided) {
                audit.append(now, PartnerRequests.EXCHANGE_ACTOR_PREFIX + partner, "PARTNER_EXPERT_DRAW_RESULT_IGNORED",
                        AssignmentService.AUDIT_SUBJECT, tenderId, "session=" + sessionRef + " seats=" + answers.size());
                log.info("Tender {}: a partner's expert draw result for a plan void since was ignored", tenderId);
                return;
            }
            throw new IllegalStateException("该标段的副场安排中没有贵省的场次 " + sessionRef + "，不能接收其专家抽取结果");
        }
        int latest = current.isEmpty() ? 0 : current.get(current.size() - 1).round();
        List<String> toAnswer = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, State> answer : answers.entrySet()) {
            Seat seat = current.stream().filter(s -> s.seatRef().equals(answer.getKey())).findFirst().orElse(null);
            if (seat == null || !seat.partner().equals(partner) || !seat.sessionRef().equals(sessionRef)) {
                throw new IllegalStateException("本省未就该场次向贵省请求席位 " + answer.getKey() + " 的专家抽取");
            }
            if (seat.state() == answer.getValue()) {
                continue;
            }
            if (seat.state() == State.CONFIRMED && answer.getValue() == State.SHORT) {
                lost.add(answer.getKey());
                continue;
            }
            if (seat.state() != State.REQUESTED || seat.round() != latest) {
                throw new IllegalStateException("席位 " + answer.getKey() + " 已答复为"
                        + (seat.state() == State.CONFIRMED ? "已确认" : "不足") + "或不属于本轮请求，不能更改");
            }
            toAnswer.add(answer.getKey());
        }
        if (!lost.isEmpty()) {
            lostAfterConfirmation(partner, tenderId, sessionRef, lost, now);
        }
        if (toAnswer.isEmpty()) {
            return;
        }
        toAnswer.forEach(ref -> seats.answer(ref, answers.get(ref), now));
        long confirmed = toAnswer.stream().filter(ref -> answers.get(ref) == State.CONFIRMED).count();
        audit.append(now, PartnerRequests.EXCHANGE_ACTOR_PREFIX + partner, "PARTNER_EXPERT_DRAW_RESULT",
                AssignmentService.AUDIT_SUBJECT, tenderId, "session=" + sessionRef + " round=" + latest + " confirmed="
                        + confirmed + " short=" + (toAnswer.size() - confirmed));
        List<Seat> round = seats.current(tenderId).stream().filter(s -> s.round() == latest).toList();
        if (round.stream().anyMatch(s -> s.state() == State.REQUESTED)) {
            return;
        }
        boolean anyShort = round.stream().anyMatch(s -> s.state() == State.SHORT);
        dispatch.partnerExpertsDrawn(tenderId, anyShort);
        log.info("Tender {}: the partner answered every seat of round {}, {}", tenderId, latest,
                anyShort ? "some short" : "all confirmed");
    }

    /**
     * Seats the partner confirmed before and now reports SHORT: their experts did not arrive on the day and the
     * partner's supplementary draw found no one. The lifecycle has left the expert draw by then (the evaluation
     * day runs), so no supervisor task can take it: the seats are recorded SHORT, audited and logged for the
     * main venue's supervisor, who sees the partner session's missing signatures on the day.
     */
    private void lostAfterConfirmation(String partner, String tenderId, String sessionRef, List<String> lost, Instant now) {
        int recorded = 0;
        for (String seatRef : lost) {
            if (seats.shortAfterConfirmation(seatRef, now)) {
                recorded++;
            }
        }
        if (recorded == 0) {
            return;
        }
        audit.append(now, PartnerRequests.EXCHANGE_ACTOR_PREFIX + partner, "PARTNER_EXPERT_SEAT_LOST",
                AssignmentService.AUDIT_SUBJECT, tenderId, "session=" + sessionRef + " short=" + recorded);
        log.warn("Tender {}: {} partner seat(s) confirmed before came back short (no-show without replacement)", tenderId,
                recorded);
    }

    /**
     * The plan holds for one slot (AssignmentVoiding): when the evaluation moves or the tender is withdrawn,
     * in the same transaction, its partner seats stop counting; the partner was told by the cancellation.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EvaluationMoved event) {
        seats.voidAll(event.tenderId(), event.movedAt());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TenderWithdrawn event) {
        seats.voidAll(event.tenderId(), event.withdrawnAt());
    }

    /** Organisations, not persons: the tenderer and the bidders known so far, as the partner's exclusions (回避) need them. */
    private ArrayNode excludedOrganisations(CommitteeRequirement requirement) {
        Set<String> organisations = new LinkedHashSet<>();
        List<String> named = new ArrayList<>();
        named.add(requirement.tenderer());
        named.addAll(requirement.bidders());
        for (String name : named) {
            String trimmed = name == null ? "" : name.strip();
            if (!trimmed.isEmpty() && organisations.size() < MAX_ORGANISATIONS) {
                organisations.add(trimmed.length() <= MAX_ORGANISATION_LENGTH ? trimmed : trimmed.substring(0, MAX_ORGANISATION_LENGTH));
            }
        }
        ArrayNode array = json.createArrayNode();
        organisations.forEach(array::add);
        return array;
    }

    private String newSeatRef() {
        StringBuilder ref = new StringBuilder(SEAT_REF_PREFIX);
        for (int i = 0; i < SEAT_REF_LENGTH; i++) {
            ref.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return ref.toString();
    }
}
