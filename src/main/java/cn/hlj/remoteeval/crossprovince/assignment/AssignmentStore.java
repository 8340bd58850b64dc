package cn.hlj.remoteeval.crossprovince.assignment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The partner assignments received. The sub-venues are written here and never read back: no
 * method of this class returns them.
 */
@Repository
class AssignmentStore {

    /** Why a plan stopped being current. */
    enum VoidReason {
        EVALUATION_MOVED, TENDER_WITHDRAWN
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AssignmentStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean hasCurrent(String tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM cross_province_assignment WHERE tender_id = ? AND current_marker = TRUE")
                .param(tenderId).query(Long.class).single() > 0;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the tender already has a current plan */
    void insert(String tenderId, PartnerAssignment assignment, String receivedBy, Instant receivedAt) {
        jdbc.sql("INSERT INTO cross_province_assignment (id, tender_id, partner_province, main_venue_seats, "
                + "partner_sub_venues, received_by, received_at, current_marker) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), tenderId, assignment.partnerProvince(),
                        assignment.mainVenueSeats(), subVenuesJson(assignment), receivedBy, Timestamp.from(receivedAt),
                        Boolean.TRUE)
                .update();
    }

    /** Answers whether the tender had a current plan, which is now void. */
    boolean voidCurrent(String tenderId, VoidReason reason, Instant voidedAt) {
        return jdbc.sql("UPDATE cross_province_assignment SET current_marker = NULL, voided_at = ?, void_reason = ? "
                + "WHERE tender_id = ? AND current_marker = TRUE")
                .params(Timestamp.from(voidedAt), reason.name(), tenderId)
                .update() > 0;
    }

    private String subVenuesJson(PartnerAssignment assignment) {
        List<Map<String, Object>> rows = assignment.subVenues().stream()
                .map(s -> Map.<String, Object>of("province", s.province(), "venue", s.venue(), "seats", s.seats()))
                .toList();
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            // Not the exception's message: it could quote a sub-venue.
            throw new IllegalStateException("partner sub-venues could not be serialised");
        }
    }
}
