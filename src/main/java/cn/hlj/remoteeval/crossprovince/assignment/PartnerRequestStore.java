package cn.hlj.remoteeval.crossprovince.assignment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/** The requests for sub-venues sent to partner provinces, one current per tender. */
@Repository
class PartnerRequestStore {

    enum RequestState {
        REQUESTED, ACCEPTED, REFUSED, UNUSABLE, CANCELLED
    }

    record PartnerRequest(String id, String tenderId, String partner, Slot slot, int seats, RequestState state) {
    }

    private final JdbcClient jdbc;

    PartnerRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tenderId, String partner, Slot slot, int seats, String messageId, Instant at) {
        jdbc.sql("INSERT INTO cross_province_request (id, tender_id, partner, eval_date, half_day, seats, state, current_marker, "
                + "message_id, requested_at) VALUES (?, ?, ?, ?, ?, ?, 'REQUESTED', TRUE, ?, ?)")
                .params(UUID.randomUUID().toString(), tenderId, partner, Date.valueOf(slot.date()), slot.halfDay().name(), seats,
                        messageId, Timestamp.from(at))
                .update();
    }

    /** The request still waiting for its partner's answer. */
    Optional<PartnerRequest> waiting(String tenderId) {
        return jdbc.sql("SELECT id, tender_id, partner, eval_date, half_day, seats, state FROM cross_province_request "
                + "WHERE tender_id = ? AND current_marker = TRUE").param(tenderId)
                .query((rs, row) -> new PartnerRequest(rs.getString(1), rs.getString(2), rs.getString(3),
                        new Slot(rs.getDate(4).toLocalDate(), HalfDay.valueOf(rs.getString(5))), rs.getInt(6),
                        RequestState.valueOf(rs.getString(7))))
                .optional();
    }

    /** The partner that last accepted this tender's request (the one to tell when it is cancelled or moved). */
    Optional<String> acceptedPartner(String tenderId) {
        return jdbc.sql("SELECT partner FROM cross_province_request WHERE tender_id = ? AND state = 'ACCEPTED' "
                + "ORDER BY answered_at DESC").param(tenderId).query(String.class).list().stream().findFirst();
    }

    /** The partners that could not serve this slot of the tender (not asked again for it). */
    List<String> declined(String tenderId, Slot slot) {
        return jdbc.sql("SELECT DISTINCT partner FROM cross_province_request WHERE tender_id = ? AND eval_date = ? "
                + "AND half_day = ? AND state IN ('REFUSED', 'UNUSABLE')")
                .params(tenderId, Date.valueOf(slot.date()), slot.halfDay().name()).query(String.class).list();
    }

    /** Closes the waiting request with its answer. */
    boolean answer(String id, RequestState state, String detail, Instant at) {
        return jdbc.sql("UPDATE cross_province_request SET state = ?, current_marker = NULL, answered_at = ?, detail = ? "
                + "WHERE id = ? AND current_marker = TRUE")
                .params(state.name(), Timestamp.from(at), detail, id).update() == 1;
    }
}
