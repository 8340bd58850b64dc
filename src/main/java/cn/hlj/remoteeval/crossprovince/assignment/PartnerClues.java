package cn.hlj.remoteeval.crossprovince.assignment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerCluePassedOn;
import cn.hlj.remoteeval.crossprovince.PartnerSessions;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;
import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * Clues a partner's sub-venue session passes on to this province as main venue (CLUE_PASSED_ON, policy
 * 八): taken only from the partner that holds the session in the tender's current plan, once per clue
 * reference, and handed to the main venue's clue process as {@link PartnerCluePassedOn} with the sealed
 * description re-encrypted at rest, so that it is as sealed as a local sub-venue's clue. Anything else
 * fails the message (a dead letter for the operators).
 */
@Service
@Transactional
class PartnerClues {

    /** As long as a local sub-venue's clue may be. */
    static final int MAX_DESCRIPTION = 1500;

    private final PartnerSessions sessions;
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    PartnerClues(PartnerSessions sessions, JdbcClient jdbc, PersonalDataCipher cipher, ApplicationEventPublisher events,
            AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Answers whether the clue was new (false: passed on before, nothing done). */
    boolean passedOn(ReceivedMessage message) {
        String partner = message.sender();
        String tenderId = message.correlationId();
        JsonNode body = message.body();
        String sessionRef = body.get("sessionRef").asText();
        String clueRef = body.get("clueRef").asText();
        boolean holds = sessions.ofTender(tenderId).stream()
                .anyMatch(s -> s.partner().equals(partner) && s.sessionRef().equals(sessionRef));
        if (!holds) {
            throw new IllegalStateException("该标段的副场安排中没有贵省的场次 " + sessionRef + "，线索未接收");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM partner_clue WHERE partner = ? AND clue_ref = ?").params(partner, clueRef)
                .query(Long.class).single() > 0) {
            return false;
        }
        String description = message.secret() == null ? "" : message.secret().path("description").asText("").strip();
        if (description.isEmpty()) {
            throw new IllegalStateException("线索 " + clueRef + " 缺少加密的线索内容（sealed.description）");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalStateException("线索 " + clueRef + " 的内容超过 " + MAX_DESCRIPTION + " 个字符");
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO partner_clue (partner, clue_ref, tender_id, session_ref, message_id, arrived_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(partner, clueRef, tenderId, sessionRef, message.messageId(), Timestamp.from(now)).update();
        String category = body.get("category").asText();
        LocalDate foundOn = LocalDate.parse(body.get("foundOn").asText());
        String actor = PartnerRequests.EXCHANGE_ACTOR_PREFIX + partner;
        audit.append(now, actor, "PARTNER_CLUE_ARRIVED", AssignmentService.AUDIT_SUBJECT, tenderId,
                "session=" + sessionRef + " clue=" + clueRef + " category=" + category + " foundOn=" + foundOn);
        events.publishEvent(new PartnerCluePassedOn(tenderId, sessionRef, clueRef, category, foundOn,
                cipher.encrypt(description), actor));
        return true;
    }
}
