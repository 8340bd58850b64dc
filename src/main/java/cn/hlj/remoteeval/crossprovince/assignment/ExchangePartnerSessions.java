package cn.hlj.remoteeval.crossprovince.assignment;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerMaterialArrived;
import cn.hlj.remoteeval.crossprovince.PartnerSessions;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;

/**
 * The partner sessions of plans fixed through the exchange (a plan a staff member entered by hand names
 * venues in free text, which stay unread), and their A/V material: kept as it arrives, announced to the
 * hand-over, and receipted to the partner when the main venue has verified it.
 */
@Service
@Transactional
class ExchangePartnerSessions implements PartnerSessions {

    private final JdbcClient jdbc;
    private final ExchangeOutbox outbox;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    ExchangePartnerSessions(JdbcClient jdbc, ExchangeOutbox outbox, ApplicationEventPublisher events, AuditLog audit,
            ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PartnerSession> ofTender(String tenderId) {
        List<String> plans = jdbc.sql("SELECT partner_sub_venues FROM cross_province_assignment WHERE tender_id = ? "
                + "AND current_marker = TRUE AND received_by LIKE ?").params(tenderId, PartnerRequests.EXCHANGE_ACTOR_PREFIX + "%")
                .query(String.class).list();
        List<PartnerSession> sessions = new ArrayList<>();
        for (String plan : plans) {
            for (JsonNode venue : read(plan)) {
                sessions.add(new PartnerSession(venue.get("province").asText(), venue.get("venue").asText(),
                        venue.get("seats").asInt()));
            }
        }
        return sessions;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PartnerMaterial> materialOf(String tenderId, String sessionRef) {
        return jdbc.sql("SELECT partner, medium, handed_at, items FROM partner_material WHERE tender_id = ? AND session_ref = ?")
                .params(tenderId, sessionRef)
                .query((rs, row) -> new PartnerMaterial(rs.getString(1), sessionRef, rs.getString(2),
                        rs.getTimestamp(3).toInstant(), items(rs.getString(4))))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void receipted(String tenderId, String sessionRef, Instant receivedAt, int itemCount) {
        Optional<String> partner = jdbc.sql("SELECT partner FROM partner_material WHERE tender_id = ? AND session_ref = ? "
                + "AND receipted_at IS NULL").params(tenderId, sessionRef).query(String.class).optional();
        if (partner.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE partner_material SET receipted_at = ? WHERE tender_id = ? AND session_ref = ?")
                .params(Timestamp.from(receivedAt), tenderId, sessionRef).update();
        ObjectNode body = json.createObjectNode();
        body.put("handoverRef", sessionRef);
        body.put("receivedAt", receivedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        body.put("itemCount", itemCount);
        outbox.send(partner.get(), MessageType.AV_HANDOVER_RECEIPT, tenderId, body, null);
    }

    /**
     * A partner's hand-over message: kept once per session, for a session of the tender's plan from the
     * partner that holds it; anything else fails (a dead letter for the operators), since it cannot be
     * matched to a leg of the hand-over.
     */
    void arrived(String partner, String messageId, String tenderId, JsonNode body) {
        String sessionRef = body.get("sessionRef").asText();
        boolean ours = ofTender(tenderId).stream()
                .anyMatch(s -> s.partner().equals(partner) && s.sessionRef().equals(sessionRef));
        if (!ours) {
            throw new IllegalStateException("该标段的副场安排中没有贵省的场次 " + sessionRef);
        }
        if (materialOf(tenderId, sessionRef).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO partner_material (tender_id, session_ref, partner, message_id, medium, handed_at, items, "
                + "arrived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenderId, sessionRef, partner, messageId, body.get("medium").asText(),
                        Timestamp.from(Instant.parse(body.get("handedAt").asText())), body.get("items").toString(),
                        Timestamp.from(now))
                .update();
        audit.append(now, PartnerRequests.EXCHANGE_ACTOR_PREFIX + partner, "PARTNER_AV_MATERIAL_ARRIVED",
                AssignmentService.AUDIT_SUBJECT, tenderId, "session=" + sessionRef + " items=" + body.get("items").size());
        events.publishEvent(new PartnerMaterialArrived(tenderId, sessionRef));
    }

    private List<Item> items(String text) {
        List<Item> items = new ArrayList<>();
        for (JsonNode item : read(text)) {
            items.add(new Item(item.get("no").asInt(), item.get("fileName").asText(), item.get("sha256").asText()));
        }
        return items;
    }

    private ArrayNode read(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node instanceof ArrayNode array ? array : json.createArrayNode();
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
