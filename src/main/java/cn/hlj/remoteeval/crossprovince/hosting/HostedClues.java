package cn.hlj.remoteeval.crossprovince.hosting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * A hosted session's staff pass a clue of wrongdoing on to the partner, the main venue (policy 八), as
 * CLUE_PASSED_ON: category and date readable, the description sealed for the partner's key. Here the
 * description is kept encrypted only, and the audit names the clue without it.
 */
@Service
@Transactional
class HostedClues {

    /** The categories the main venue's clue process knows; the values are the form's select values. */
    static final Set<String> CATEGORIES = Set.of("COLLUSIVE_BIDDING", "FRAUD", "EXPERT_MISCONDUCT", "OTHER");
    static final int MAX_DESCRIPTION = 1500;
    private static final ZoneId PROVINCE = ZoneId.of(RemoteEvalApplication.ZONE);

    private final HostingStore hostings;
    private final SeatBookings bookings;
    private final ExchangeOutbox outbox;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    HostedClues(HostingStore hostings, SeatBookings bookings, ExchangeOutbox outbox, PersonalDataCipher cipher, JdbcClient jdbc,
            AuditLog audit, ObjectMapper json, Clock clock) {
        this.hostings = hostings;
        this.bookings = bookings;
        this.outbox = outbox;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Passes the clue on; answers its reference.
     *
     * @throws IllegalArgumentException (Chinese) for what the staff entered wrongly; nothing is sent
     */
    String passOn(String hostingId, Object category, Object foundOn, String description, String actor) {
        PartnerHosting hosting = hostings.find(hostingId).orElseThrow(() -> new IllegalStateException("no hosting " + hostingId));
        if (hosting.state() != HostingState.ACTIVE) {
            throw new IllegalArgumentException("该承接已取消");
        }
        String chosen = category == null ? null : category.toString().strip();
        if (chosen == null || !CATEGORIES.contains(chosen)) {
            throw new IllegalArgumentException("请选择线索类别");
        }
        LocalDate on = date(foundOn);
        if (on.isAfter(LocalDate.now(clock.withZone(PROVINCE)))) {
            throw new IllegalArgumentException("发现日期不能晚于今天");
        }
        LocalDate arranged = LocalDate.ofInstant(hosting.registeredAt(), PROVINCE);
        if (on.isBefore(arranged)) {
            throw new IllegalArgumentException("发现日期不能早于本场次的承接日期 " + arranged);
        }
        if (description == null) {
            throw new IllegalArgumentException("请填写线索内容");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("线索内容最多 " + MAX_DESCRIPTION + " 个字符，详细材料请随线索另行移交");
        }
        String session = bookings.sessionCodeOf(hosting.id(), hosting.centerCode())
                .orElseThrow(() -> new IllegalStateException("hosting " + hosting.id() + " has no session"));
        String clueRef = "CL-" + UUID.randomUUID();
        ObjectNode body = json.createObjectNode();
        body.put("sessionRef", session);
        body.put("clueRef", clueRef);
        body.put("category", chosen);
        body.put("foundOn", on.toString());
        ObjectNode secret = json.createObjectNode();
        secret.put("description", description);
        String messageId = outbox.send(hosting.partnerProvince(), MessageType.CLUE_PASSED_ON, hosting.partnerTenderRef(), body,
                secret);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO hosted_session_clue (clue_ref, hosting_id, message_id, category, found_on, description_cipher, "
                + "passed_by, passed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(clueRef, hostingId, messageId, chosen, on, cipher.encrypt(description), actor, Timestamp.from(now))
                .update();
        audit.append(now, actor, "HOSTED_CLUE_PASSED_ON", HostingService.AUDIT_SUBJECT, hostingId,
                "clue=" + clueRef + " category=" + chosen + " foundOn=" + on);
        return clueRef;
    }

    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("请填写发现日期");
        }
        try {
            return LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip().length())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("发现日期格式应为 2031-05-06");
        }
    }
}
