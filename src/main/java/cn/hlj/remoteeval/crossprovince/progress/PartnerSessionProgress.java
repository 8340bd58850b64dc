package cn.hlj.remoteeval.crossprovince.progress;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.PartnerSessions;
import cn.hlj.remoteeval.crossprovince.PartnerSessions.PartnerSession;
import cn.hlj.remoteeval.evaluation.PartnerSessionSigned;
import cn.hlj.remoteeval.evaluation.RemoteSessions;

/**
 * What partners report of their sessions of this province's tenders on the evaluation day. A report is
 * taken only from the partner whose offer fixed that session for that tender (the plan that came through
 * the exchange); anything else fails, so that it becomes a dead letter the operators see rather than a
 * session marked signed by someone who does not hold it. Each report counts once: a start or an end keeps
 * its first time, and a session once signed stays signed.
 */
@Service
@Transactional
class PartnerSessionProgress implements RemoteSessions {

    static final String AUDIT_SUBJECT = "TENDER";
    static final String EXCHANGE_ACTOR_PREFIX = "exchange:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(PartnerSessionProgress.class);

    private final JdbcClient jdbc;
    private final PartnerSessions sessions;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    PartnerSessionProgress(JdbcClient jdbc, PartnerSessions sessions, ApplicationEventPublisher events, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<String> of(String tenderId) {
        List<String> refs = new ArrayList<>();
        for (PartnerSession session : sessions.ofTender(tenderId)) {
            open(tenderId, session);
            refs.add(session.sessionRef());
        }
        return refs;
    }

    @Override
    public boolean signed(String tenderId, String sessionRef) {
        return jdbc.sql("SELECT seats, signed_at FROM partner_session_progress WHERE tender_id = ? AND session_ref = ? FOR UPDATE")
                .params(tenderId, sessionRef).query((rs, row) -> rs.getTimestamp(2) != null).optional().orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Progress> progress(String tenderId) {
        List<Progress> progress = new ArrayList<>();
        for (PartnerSession session : sessions.ofTender(tenderId)) {
            progress.add(jdbc.sql("SELECT started_at, ended_at, signature_count, signed_at FROM partner_session_progress "
                    + "WHERE tender_id = ? AND session_ref = ?").params(tenderId, session.sessionRef())
                    .query((rs, row) -> new Progress(session.sessionRef(), session.seats(), instant(rs.getTimestamp(1)),
                            instant(rs.getTimestamp(2)), rs.getInt(3), instant(rs.getTimestamp(4))))
                    .optional().orElseGet(() -> new Progress(session.sessionRef(), session.seats(), null, null, 0, null)));
        }
        return progress;
    }

    /** SESSION_STARTED: the partner's session began; the first report's time stands. */
    void started(String partner, String tenderId, JsonNode body) {
        firstReport(partner, tenderId, body, Moment.STARTED);
    }

    /** SESSION_ENDED: the partner's session is over; the first report's time stands. */
    void ended(String partner, String tenderId, JsonNode body) {
        firstReport(partner, tenderId, body, Moment.ENDED);
    }

    private void firstReport(String partner, String tenderId, JsonNode body, Moment moment) {
        String sessionRef = body.get("sessionRef").asText();
        Row row = lock(partner, tenderId, sessionRef);
        if ((moment == Moment.STARTED ? row.startedAt() : row.endedAt()) != null) {
            return;
        }
        Instant at = Instant.parse(body.get(moment.field).asText());
        jdbc.sql("UPDATE partner_session_progress SET " + moment.column + " = ?, updated_at = ? WHERE tender_id = ? "
                + "AND session_ref = ?").params(Timestamp.from(at), Timestamp.from(clock.instant()), tenderId, sessionRef)
                .update();
        audit.append(clock.instant(), EXCHANGE_ACTOR_PREFIX + partner, moment.auditAction, AUDIT_SUBJECT, tenderId,
                "session=" + sessionRef + " " + moment.field + "=" + at);
        log.info("Tender {}: a partner session {}", tenderId, moment.logWord);
    }

    /** The two moments of a session's day a partner reports, as message field, column and audit action. */
    private enum Moment {
        STARTED("startedAt", "started_at", "PARTNER_SESSION_STARTED", "started"),
        ENDED("endedAt", "ended_at", "PARTNER_SESSION_ENDED", "ended");

        private final String field;
        private final String column;
        private final String auditAction;
        private final String logWord;

        Moment(String field, String column, String auditAction, String logWord) {
            this.field = field;
            this.column = column;
            this.auditAction = auditAction;
            this.logWord = logWord;
        }
    }

    /**
     * SIGNATURES_COLLECTED: signatures of the session's seats, one per seat, adding to what an earlier report
     * said. Once they cover every seat of the session, the session is signed and the evaluation day hears
     * it ({@link PartnerSessionSigned}, in this transaction). More signatures than the session has seats,
     * or a seat twice, cannot be matched to the plan and fail.
     */
    void signaturesCollected(String partner, String tenderId, JsonNode body) {
        String sessionRef = body.get("sessionRef").asText();
        Row row = lock(partner, tenderId, sessionRef);
        if (row.signedAt() != null) {
            return;
        }
        // Signatures only accumulate: a later report adds seats to what earlier ones said and never unsigns one.
        Map<String, JsonNode> signatures = new LinkedHashMap<>();
        for (JsonNode seat : read(row.signatures())) {
            signatures.put(seat.get("seatRef").asText(), seat);
        }
        Set<String> reported = new HashSet<>();
        for (JsonNode seat : body.get("seats")) {
            if (!reported.add(seat.get("seatRef").asText())) {
                throw new IllegalStateException("场次 " + sessionRef + " 的签署报告中同一席位出现多次：" + seat.get("seatRef").asText());
            }
            signatures.put(seat.get("seatRef").asText(), seat);
        }
        if (signatures.size() > row.seats()) {
            throw new IllegalStateException("场次 " + sessionRef + " 只有 " + row.seats() + " 个评标专家席位，签署报告却有 "
                    + signatures.size() + " 个席位");
        }
        Instant lastSigned = signatures.values().stream().map(seat -> Instant.parse(seat.get("signedAt").asText()))
                .max(Instant::compareTo).orElse(null);
        Set<String> seatRefs = signatures.keySet();
        ArrayNode stored = JSON.createArrayNode();
        signatures.values().forEach(stored::add);
        boolean complete = seatRefs.size() == row.seats();
        Instant now = clock.instant();
        jdbc.sql("UPDATE partner_session_progress SET signature_count = ?, signatures = ?, signed_at = ?, updated_at = ? "
                + "WHERE tender_id = ? AND session_ref = ?")
                .params(seatRefs.size(), stored.toString(), complete ? Timestamp.from(lastSigned) : null, Timestamp.from(now),
                        tenderId, sessionRef)
                .update();
        String actor = EXCHANGE_ACTOR_PREFIX + partner;
        if (complete) {
            audit.append(now, actor, "PARTNER_SESSION_SIGNED", AUDIT_SUBJECT, tenderId,
                    "session=" + sessionRef + " signatures=" + seatRefs.size() + " signedAt=" + lastSigned);
            log.info("Tender {}: a partner session reported its report signed by all {} seat(s)", tenderId, seatRefs.size());
            events.publishEvent(new PartnerSessionSigned(tenderId, sessionRef));
        } else {
            audit.append(now, actor, "PARTNER_SESSION_SIGNATURES_COLLECTED", AUDIT_SUBJECT, tenderId,
                    "session=" + sessionRef + " signatures=" + seatRefs.size() + "/" + row.seats());
        }
    }

    /** The session's record, locked for this transaction, after checking that the sender holds the session. */
    private Row lock(String partner, String tenderId, String sessionRef) {
        PartnerSession session = sessions.ofTender(tenderId).stream()
                .filter(s -> s.sessionRef().equals(sessionRef) && s.partner().equals(partner)).findFirst()
                .orElseThrow(() -> new IllegalStateException("该标段的副场安排中没有贵省的场次 " + sessionRef + "，不能接受该场次的报告"));
        open(tenderId, session);
        return jdbc.sql("SELECT seats, started_at, ended_at, signed_at, signatures FROM partner_session_progress "
                + "WHERE tender_id = ? AND session_ref = ? FOR UPDATE").params(tenderId, sessionRef)
                .query((rs, r) -> new Row(rs.getInt(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getString(5)))
                .single();
    }

    private void open(String tenderId, PartnerSession session) {
        Optional<Integer> seats = jdbc.sql("SELECT seats FROM partner_session_progress WHERE tender_id = ? AND session_ref = ?")
                .params(tenderId, session.sessionRef()).query(Integer.class).optional();
        if (seats.isPresent()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO partner_session_progress (tender_id, session_ref, partner, seats, signature_count, updated_at) "
                    + "VALUES (?, ?, ?, ?, 0, ?)")
                    .params(tenderId, session.sessionRef(), session.partner(), session.seats(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            // Opened at the same moment by the evaluation day or another report: the row is there either way.
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static JsonNode read(String signatures) {
        if (signatures == null || signatures.isBlank()) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(signatures);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored signatures unreadable", e);
        }
    }

    private record Row(int seats, Instant startedAt, Instant endedAt, Instant signedAt, String signatures) {
    }
}
