package cn.hlj.remoteeval.evaluation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evaluation_day, report_signature and evaluation_incident tables. */
@Repository
class EvaluationDayStore {

    private static final RowMapper<Signature> SIGNATURE = (rs, row) -> new Signature(rs.getInt("seat_no"),
            rs.getString("expert_ref"), rs.getString("session_code"), rs.getTimestamp("signed_at").toInstant(),
            rs.getString("signature_ref"));

    private static final RowMapper<Incident> INCIDENT = (rs, row) -> new Incident(rs.getString("id"),
            rs.getString("tender_id"), rs.getString("session_code"), rs.getString("kind"), rs.getString("description"),
            rs.getTimestamp("raised_at").toInstant(), rs.getString("measure"),
            (Boolean) rs.getObject("resolved", Boolean.class), rs.getString("handling_note"),
            instant(rs.getTimestamp("handled_at")));

    private final JdbcClient jdbc;

    EvaluationDayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers false when the day was started before (a restarted process keeps the first start). */
    boolean start(String tenderId, String mainCenter, Instant at) {
        if (exists(tenderId)) {
            return false;
        }
        jdbc.sql("INSERT INTO evaluation_day (tender_id, main_center, started_at) VALUES (?, ?, ?)")
                .params(tenderId, mainCenter, Timestamp.from(at)).update();
        return true;
    }

    boolean exists(String tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation_day WHERE tender_id = ?").param(tenderId).query(Integer.class)
                .single() > 0;
    }

    void sessionOpened(String tenderId, Instant openedAt, Instant sessionStartedAt, boolean supervisorOnSite,
            String openedBy) {
        jdbc.sql("UPDATE evaluation_day SET session_opened_at = ?, session_started_at = ?, supervisor_on_site = ?, "
                + "opened_by = ? WHERE tender_id = ?")
                .params(Timestamp.from(openedAt), Timestamp.from(sessionStartedAt), supervisorOnSite, openedBy, tenderId)
                .update();
    }

    /** Answers false when the end was recorded before. */
    boolean end(String tenderId, Instant at) {
        return jdbc.sql("UPDATE evaluation_day SET ended_at = ? WHERE tender_id = ? AND ended_at IS NULL")
                .params(Timestamp.from(at), tenderId).update() == 1;
    }

    Optional<Instant> endedAt(String tenderId) {
        return jdbc.sql("SELECT ended_at FROM evaluation_day WHERE tender_id = ? AND ended_at IS NOT NULL")
                .param(tenderId).query((rs, row) -> rs.getTimestamp("ended_at").toInstant()).optional();
    }

    void addSignature(String tenderId, Signature signature, String collectedBy) {
        jdbc.sql("INSERT INTO report_signature (tender_id, seat_no, expert_ref, session_code, signed_at, signature_ref, "
                + "collected_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(tenderId, signature.seat(), signature.expertRef(), signature.sessionCode(),
                        Timestamp.from(signature.signedAt()), signature.signatureRef(), collectedBy)
                .update();
    }

    List<Signature> signatures(String tenderId) {
        return jdbc.sql("SELECT seat_no, expert_ref, session_code, signed_at, signature_ref FROM report_signature "
                + "WHERE tender_id = ? ORDER BY seat_no, signed_at").param(tenderId).query(SIGNATURE).list();
    }

    void addIncident(String id, String tenderId, String sessionCode, IncidentKind kind, String description,
            String raisedBy, Instant raisedAt) {
        jdbc.sql("INSERT INTO evaluation_incident (id, tender_id, session_code, kind, description, raised_by, raised_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, tenderId, sessionCode, kind.name(), description, raisedBy, Timestamp.from(raisedAt)).update();
    }

    boolean handleIncident(String id, IncidentMeasure measure, boolean resolved, String note, String handledBy,
            Instant at) {
        return jdbc.sql("UPDATE evaluation_incident SET measure = ?, resolved = ?, handling_note = ?, handled_by = ?, "
                + "handled_at = ? WHERE id = ?")
                .params(measure.name(), resolved, note, handledBy, Timestamp.from(at), id).update() == 1;
    }

    List<Incident> incidents(String tenderId) {
        return jdbc.sql("SELECT id, tender_id, session_code, kind, description, raised_at, measure, resolved, "
                + "handling_note, handled_at FROM evaluation_incident WHERE tender_id = ? ORDER BY raised_at, id")
                .param(tenderId).query(INCIDENT).list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One expert's signature of the report; the expert by opaque reference only. */
    record Signature(int seat, String expertRef, String sessionCode, Instant signedAt, String signatureRef) {
    }

    /** Never the description: an incident must not reach a log line by accident. */
    record Incident(String id, String tenderId, String sessionCode, String kind, String description, Instant raisedAt,
            String measure, Boolean resolved, String handlingNote, Instant handledAt) {
        @Override
        public String toString() {
            return "Incident[" + id + " " + kind + "]";
        }
    }
}
