package cn.hlj.remoteeval.crossprovince.assignment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.assignment.AssignmentService.OfferOutcome;
import cn.hlj.remoteeval.crossprovince.assignment.PartnerRequestStore.PartnerRequest;
import cn.hlj.remoteeval.crossprovince.assignment.PartnerRequestStore.RequestState;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.EvaluationMoved;
import cn.hlj.remoteeval.tender.TenderClassified;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.tender.TenderWithdrawn;
import cn.hlj.remoteeval.tender.Tenders;

/**
 * This province as main venue of a cross-province tender (policy 六: the partner fixes the
 * sub-venues): the tender's request goes to a connected partner province through the exchange, and the
 * partner's answer fixes the plan. A partner is chosen at random among the connected ones that have
 * not declined this slot; one that declines is followed by the next. With no partner left (none
 * connected yet, or all declined) the tender waits, as before the exchange, for the provincial center
 * to enter the plan agreed through the national system by hand.
 */
@Service
@Transactional
class PartnerRequests {

    static final String AUDIT_SUBJECT = AssignmentService.AUDIT_SUBJECT;
    /** Received-by of what the exchange brings, so that the record says it came from the partner's node. */
    static final String EXCHANGE_ACTOR_PREFIX = cn.hlj.remoteeval.tender.TenderDispatch.EXCHANGE_ACTOR_PREFIX;
    static final int LISTENER_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(PartnerRequests.class);

    private final Tenders tenders;
    private final PartnerRequestStore store;
    private final AssignmentService assignments;
    private final ExchangeOutbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Random random = new SecureRandom();
    private final TransactionTemplate transactions;

    PartnerRequests(Tenders tenders, PartnerRequestStore store, AssignmentService assignments, ExchangeOutbox outbox,
            AuditLog audit, ObjectMapper json, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.tenders = tenders;
        this.store = store;
        this.assignments = assignments;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(TenderClassified event) {
        if (event.scope() == Scope.CROSS_PROVINCE) {
            retrying(() -> request(event.tenderId()));
        }
    }

    /**
     * The old plan is void (AssignmentVoiding); the partner that held seats frees them, and the new slot is asked
     * for. Not when the partner holding a plan from the exchange was asked to move its sessions (PartnerMoves):
     * its request for the new slot waits for that partner's answer.
     */
    @Async
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(EvaluationMoved event) {
        retrying(() -> {
            Optional<TenderFacts> tender = tenders.find(event.tenderId());
            if (tender.isEmpty() || tender.get().scope() != Scope.CROSS_PROVINCE
                    || store.waiting(event.tenderId()).filter(r -> r.slot().equals(event.to())).isPresent()) {
                return;
            }
            cancelWithPartner(event.tenderId(), "评标时间调整为 " + event.to().date() + " " + halfDayLabel(event.to().halfDay()));
            request(event.tenderId());
        });
    }

    @Async
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(TenderWithdrawn event) {
        retrying(() -> cancelWithPartner(event.tenderId(), "标段已撤回"));
    }

    /**
     * Like an application module listener (after the commit, asynchronously, the event kept until done), but
     * a step that meets a lock held too long (sends to one partner are numbered one at a time) is tried
     * again in a new transaction rather than left to the next restart.
     */
    private void retrying(Runnable step) {
        for (int attempt = 1;; attempt++) {
            try {
                transactions.executeWithoutResult(status -> step.run());
                return;
            } catch (org.springframework.dao.TransientDataAccessException e) {
                if (attempt >= LISTENER_ATTEMPTS) {
                    throw e;
                }
                log.info("Cross-province request step met a lock (attempt {}), trying again", attempt);
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Asks the next partner for the tender's sub-venues, unless it no longer waits or a request is out. */
    void request(String tenderId) {
        TenderFacts tender = tenders.find(tenderId).orElse(null);
        if (tender == null || tender.state() != TenderState.AWAITING_PARTNER_ASSIGNMENT || store.waiting(tenderId).isPresent()) {
            return;
        }
        List<String> candidates = new ArrayList<>(outbox.connectedPartners());
        candidates.removeAll(store.declined(tenderId, tender.slot()));
        Instant now = clock.instant();
        if (candidates.isEmpty()) {
            audit.append(now, "system", "CROSS_PROVINCE_REQUEST_NO_PARTNER", AUDIT_SUBJECT, tenderId,
                    "slot=" + tender.slot());
            log.info("Tender {}: no connected partner province left to ask; the provincial center enters the plan", tenderId);
            return;
        }
        String partner = candidates.get(random.nextInt(candidates.size()));
        int seats = partnerSeats(tender.committeeSize());
        ObjectNode body = json.createObjectNode();
        body.put("tenderRef", tenderId);
        body.put("evaluationDate", tender.slot().date().toString());
        body.put("halfDay", tender.slot().halfDay().name());
        body.put("seats", seats);
        body.put("category", tender.category().name());
        body.put("committeeSize", tender.committeeSize());
        String messageId = outbox.send(partner, MessageType.SUB_VENUE_REQUEST, tenderId, body, null);
        store.insert(tenderId, partner, tender.slot(), seats, messageId, now);
        audit.append(now, "system", "CROSS_PROVINCE_SUB_VENUES_REQUESTED", AUDIT_SUBJECT, tenderId,
                "partner=" + partner + " seats=" + seats + " slot=" + tender.slot());
        log.info("Tender {}: sub-venues requested from a partner province", tenderId);
    }

    /** The partner's offer: its sessions take their seats, the main venue the rest; the partner hears the outcome. */
    void offered(String partner, String tenderId, List<PartnerAssignment.SubVenue> sessions) {
        Optional<PartnerRequest> waiting = store.waiting(tenderId).filter(r -> r.partner().equals(partner));
        Instant now = clock.instant();
        if (waiting.isEmpty()) {
            // An offer nobody waits for (withdrawn, moved, or another partner came first): its seats must not stay booked.
            cancel(partner, tenderId, "本省未在等待贵省对该标段的副场安排（请求已撤回或已由其他方式确定），请释放已预订的工位");
            return;
        }
        OfferOutcome outcome = assignments.acceptOffer(tenderId, partner, sessions, EXCHANGE_ACTOR_PREFIX + partner);
        switch (outcome) {
            case ACCEPTED -> {
                store.answer(waiting.get().id(), RequestState.ACCEPTED, null, now);
                ArrayNode refs = json.createArrayNode();
                sessions.forEach(s -> refs.add(s.venue()));
                ObjectNode body = json.createObjectNode();
                body.set("sessionRefs", refs);
                outbox.send(partner, MessageType.SUB_VENUE_ACCEPTANCE, tenderId, body, null);
            }
            case NOT_WAITING -> {
                store.answer(waiting.get().id(), RequestState.CANCELLED, "标段已不在等待副场安排", now);
                cancel(partner, tenderId, "本省该标段已不在等待副场安排，请释放已预订的工位");
            }
            case TOO_MANY_SEATS, MAIN_SEATS_SHORT -> {
                String reason = outcome == OfferOutcome.TOO_MANY_SEATS ? "副场席位数超过评标委员会成员人数"
                        : "主场可用跨省评标工位不足，无法承担其余席位";
                store.answer(waiting.get().id(), RequestState.UNUSABLE, reason, now);
                audit.append(now, EXCHANGE_ACTOR_PREFIX + partner, "CROSS_PROVINCE_OFFER_UNUSABLE", AUDIT_SUBJECT, tenderId,
                        "partner=" + partner + " outcome=" + outcome);
                cancel(partner, tenderId, reason + "，本省不采用该安排，请释放已预订的工位");
                if (outcome == OfferOutcome.TOO_MANY_SEATS) {
                    request(tenderId);
                }
            }
        }
    }

    /** The partner cannot host the tender: the next partner is asked. */
    void declined(String partner, String tenderId, String reason) {
        Optional<PartnerRequest> waiting = store.waiting(tenderId).filter(r -> r.partner().equals(partner));
        if (waiting.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        store.answer(waiting.get().id(), RequestState.REFUSED, cut(reason), now);
        audit.append(now, EXCHANGE_ACTOR_PREFIX + partner, "CROSS_PROVINCE_REQUEST_DECLINED", AUDIT_SUBJECT, tenderId,
                "partner=" + partner);
        request(tenderId);
    }

    /**
     * The partner withdrew: a request still waiting counts as declined; a plan already fixed stays, and
     * the provincial center is left to agree a new one (recorded, so that it shows on the tender).
     */
    void partnerCancelled(String partner, String tenderId, String reason) {
        if (store.waiting(tenderId).filter(r -> r.partner().equals(partner)).isPresent()) {
            declined(partner, tenderId, reason);
            return;
        }
        if (store.acceptedPartner(tenderId).filter(partner::equals).isPresent()) {
            audit.append(clock.instant(), EXCHANGE_ACTOR_PREFIX + partner, "CROSS_PROVINCE_PARTNER_CANCELLED", AUDIT_SUBJECT,
                    tenderId, "partner=" + partner);
            log.warn("Tender {}: the partner province cancelled its sub-venues after the plan was fixed", tenderId);
        }
    }

    private void cancelWithPartner(String tenderId, String reason) {
        Instant now = clock.instant();
        Optional<PartnerRequest> waiting = store.waiting(tenderId);
        if (waiting.isPresent()) {
            store.answer(waiting.get().id(), RequestState.CANCELLED, reason, now);
            cancel(waiting.get().partner(), tenderId, reason);
            return;
        }
        store.acceptedPartner(tenderId).ifPresent(partner -> cancel(partner, tenderId, reason));
    }

    private void cancel(String partner, String tenderId, String reason) {
        ObjectNode body = json.createObjectNode();
        body.put("reason", cut(reason));
        outbox.send(partner, MessageType.CANCELLATION, tenderId, body, null);
    }

    /** The partner is asked for the committee less the main venue's third (the share the venue draw keeps here too). */
    static int partnerSeats(int committeeSize) {
        return Math.max(1, committeeSize - committeeSize / 3);
    }

    private static String halfDayLabel(cn.hlj.remoteeval.venue.HalfDay halfDay) {
        return halfDay == cn.hlj.remoteeval.venue.HalfDay.AM ? "上午" : "下午";
    }

    private static String cut(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }
}
