package cn.hlj.remoteeval.crossprovince.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The partner assignments received; written once per tender, never read back through the API. */
@Repository
class AssignmentStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AssignmentStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean exists(String tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM cross_province_assignment WHERE tender_id = ?").param(tenderId)
                .query(Long.class).single() > 0;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the tender already has an assignment */
    void insert(String tenderId, PartnerAssignment assignment, String receivedBy, Instant receivedAt) {
        jdbc.sql("INSERT INTO cross_province_assignment (tender_id, partner_province, main_venue_seats, "
                + "partner_sub_venues, received_by, received_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(tenderId, assignment.partnerProvince(), assignment.mainVenueSeats(),
                        subVenuesJson(assignment), receivedBy, Timestamp.from(receivedAt))
                .update();
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
