package cn.hlj.remoteeval.crossprovince.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerSessions.PartnerSession;
import cn.hlj.remoteeval.crossprovince.assignment.PartnerRequestStore.PartnerRequest;
import cn.hlj.remoteeval.crossprovince.assignment.PartnerRequestStore.RequestState;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The evaluation of a tender whose plan came through the exchange moved: the partner holding its sessions is
 * asked to move them (MOVE) rather than to let them go and be asked anew, in the transaction of the move. The
 * plan itself is void like any plan of a moved tender, and a request to that partner waits for the new slot:
 * the partner answers with its offer of the same sessions, re-booked (which fixes the plan again as any offer
 * does), or with a cancellation, after which the next partner is asked (see message-set-v1.md, MOVE).
 */
@Component
class PartnerMoves {

    private static final Logger log = LoggerFactory.getLogger(PartnerMoves.class);

    private final PartnerRequestStore requests;
    private final ExchangeOutbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    PartnerMoves(PartnerRequestStore requests, ExchangeOutbox outbox, AuditLog audit, ObjectMapper json, Clock clock) {
        this.requests = requests;
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param sessions the partner sessions of the plan as it stood before the move (empty for a plan entered by
     *        hand, which is asked for anew after the move, as before)
     * @return whether a partner was asked to move
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean moved(String tenderId, List<PartnerSession> sessions, Slot to, String movedBy) {
        if (sessions.isEmpty()) {
            return false;
        }
        // A plan comes from one partner's offer.
        String partner = sessions.get(0).partner();
        int seats = sessions.stream().filter(s -> s.partner().equals(partner)).mapToInt(PartnerSession::seats).sum();
        Instant now = clock.instant();
        Optional<PartnerRequest> waiting = requests.waiting(tenderId);
        waiting.ifPresent(w -> requests.answer(w.id(), RequestState.CANCELLED, "评标时间调整", now));
        ObjectNode body = json.createObjectNode();
        body.put("evaluationDate", to.date().toString());
        body.put("halfDay", to.halfDay().name());
        String messageId = outbox.send(partner, MessageType.MOVE, tenderId, body, null);
        requests.insert(tenderId, partner, to, seats, messageId, now);
        audit.append(now, movedBy, "CROSS_PROVINCE_MOVE_SENT", AssignmentService.AUDIT_SUBJECT, tenderId,
                "partner=" + partner + " seats=" + seats + " slot=" + to);
        log.info("Tender {}: the partner province holding its sessions was asked to move them", tenderId);
        return true;
    }
}
