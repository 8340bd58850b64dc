package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The venue draw with the real tender lifecycle, seat bookings and tables: a registered
 * intra-province tender is drawn by the lifecycle's service task, its record stays sealed until the
 * evaluation ends, and then anyone allowed can recompute it.
 */
@RemoteEvalIntegrationTest
class VenueDrawIntegrationTest {

    private static final List<String> CENTERS = VenueDrawAlgorithmUnitTest.CENTERS;

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SeatBookings seats;
    @Autowired
    AuditLog audit;

    @Test
    void drawsTheVenuesAndKeepsTheRecordSealedUntilTheEvaluationEnds() throws Exception {
        LocalDate date = TenderBody.freshDate();
        String tenderId = registerAndAwait(TenderBody.valid().with("evaluationDate", date.toString()),
                "AWAITING_EXPERT_DRAW");
        String drawId = drawIdOf(tenderId);

        Map<String, Integer> booked = bookedSeats(tenderId);
        assertThat(booked.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
        assertThat(booked.keySet().stream().filter(c -> !c.equals("HRB")).count()).isGreaterThanOrEqualTo(2);
        assertThat(booked.values()).allSatisfy(count -> assertThat(2 * count).isLessThanOrEqualTo(5));
        assertThat(jdbc.sql("SELECT DISTINCT purpose FROM workstation_booking WHERE holder_ref = ?").param(tenderId)
                .query(String.class).list()).containsExactly(BookingPurpose.RANDOM_DRAW.name());
        assertThat(jdbc.sql("SELECT DISTINCT eval_date FROM workstation_booking WHERE holder_ref = ?").param(tenderId)
                .query(Date.class).list()).extracting(Date::toLocalDate).containsExactly(date);

        String sealed = api.get("staff-hrb", "/api/draws/" + drawId).andExpect(status().isOk())
                .andExpect(jsonPath("$.revealed").value(false))
                .andExpect(jsonPath("$.kind").value("VENUE"))
                .andExpect(jsonPath("$.tenderId").value(tenderId))
                .andExpect(jsonPath("$.algorithm").value("venue-draw/v2"))
                .andExpect(jsonPath("$.seedCommitment").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
                .andExpect(jsonPath("$.eligibleListHash").exists())
                .andExpect(jsonPath("$.previousHash").exists())
                .andExpect(jsonPath("$.recordHash").exists())
                .andExpect(jsonPath("$.createdAt").exists())
                .andExpect(jsonPath("$.seed").doesNotExist())
                .andExpect(jsonPath("$.eligibleList").doesNotExist())
                .andExpect(jsonPath("$.request").doesNotExist())
                .andExpect(jsonPath("$.result").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        for (String center : booked.keySet()) {
            assertThat(sealed).doesNotContain(center);
        }
        api.get("supervisor-hrb", "/api/draws/" + drawId).andExpect(status().isOk());
        api.get("demo", "/api/draws/" + drawId).andExpect(status().isOk());
        for (String outsider : List.of("staff-dq", "supervisor-dq", "tenderer", "drc")) {
            api.get(outsider, "/api/draws/" + drawId).andExpect(status().isForbidden());
            api.get(outsider, "/api/draws/" + drawId + "/verification").andExpect(status().isForbidden());
        }
        api.get("staff-hrb", "/api/draws/" + UUID.randomUUID()).andExpect(status().isNotFound());

        api.get("staff-hrb", "/api/draws/" + drawId + "/verification").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("评标结束前不公开随机种子")));

        endEvaluation(tenderId, drawId);

        JsonNode revealed = api.read(api.get("staff-hrb", "/api/draws/" + drawId).andExpect(status().isOk()));
        assertThat(revealed.get("seed").asText()).hasSize(64);
        assertThat(revealed.get("result").asText()).isEqualTo(Canonical.encodeCounts(booked));
        assertThat(Canonical.decodeCounts(revealed.get("eligibleList").asText())).containsOnlyKeys(CENTERS);
        assertThat(VenueDrawRequest.parse(revealed.get("request").asText()))
                .isEqualTo(new VenueDrawRequest(5, "HRB", new Slot(date, HalfDay.AM), SeatPlanLimits.defaults()));

        api.get("supervisor-hrb", "/api/draws/" + drawId + "/verification").andExpect(status().isOk())
                .andExpect(jsonPath("$.drawId").value(drawId))
                .andExpect(jsonPath("$.seedMatchesCommitment").value(true))
                .andExpect(jsonPath("$.eligibleListMatchesHash").value(true))
                .andExpect(jsonPath("$.recomputedResult").value(Canonical.encodeCounts(booked)))
                .andExpect(jsonPath("$.recordedResult").value(Canonical.encodeCounts(booked)))
                .andExpect(jsonPath("$.resultReproduced").value(true))
                .andExpect(jsonPath("$.recordHashValid").value(true))
                .andExpect(jsonPath("$.verified").value(true));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.entriesFor("TENDER", tenderId))
                .extracting(AuditEntry::action).contains("VENUE_DRAW_COMPLETED", "DRAW_SEEDS_REVEALED"));
        assertThat(audit.entriesFor("TENDER", tenderId)).filteredOn(e -> e.action().startsWith("VENUE_DRAW"))
                .extracting(AuditEntry::detail).containsExactly("drawId=" + drawId);
    }

    @Test
    void aSlotWithoutRoomElsewhereGoesToTheFallbackAndTheRecordProvesIt() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.AM);
        String blocker = "blocker-" + UUID.randomUUID();
        // Every center but the main venue and one other is full: two other centers cannot be found.
        transaction().executeWithoutResult(status -> {
            Map<String, Integer> full = new LinkedHashMap<>(seats.freeSeats(slot, false));
            full.remove("HRB");
            full.remove("DQ");
            seats.book(blocker, BookingPurpose.NEGOTIATED, slot, full, false);
        });
        try {
            String tenderId = registerAndAwait(TenderBody.valid().with("evaluationDate", date.toString()),
                    "AWAITING_NEGOTIATION_APPROVAL");
            String drawId = drawIdOf(tenderId);

            assertThat(bookedSeats(tenderId)).isEmpty();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.entriesFor("TENDER", tenderId))
                    .extracting(AuditEntry::action).contains("VENUE_DRAW_NO_RANDOM_PICK"));

            endEvaluation(tenderId, drawId);
            api.get("staff-hrb", "/api/draws/" + drawId + "/verification").andExpect(status().isOk())
                    .andExpect(jsonPath("$.recordedResult").value("NO_RANDOM_PICK"))
                    .andExpect(jsonPath("$.recomputedResult").value("NO_RANDOM_PICK"))
                    .andExpect(jsonPath("$.verified").value(true));
        } finally {
            transaction().executeWithoutResult(status -> seats.release(blocker));
        }
    }

    @Test
    void aMovedEvaluationEndsWithSeatsOnTheNewSlotOnly() throws Exception {
        LocalDate first = TenderBody.freshDate();
        LocalDate second = TenderBody.freshDate();
        String tenderId = registerAndAwait(TenderBody.valid().with("evaluationDate", first.toString()),
                "AWAITING_EXPERT_DRAW");
        String firstDraw = drawIdOf(tenderId);

        api.post("staff-hrb", "/api/tenders/" + tenderId + "/evaluation-slot",
                Map.of("evaluationDate", second.toString(), "halfDay", "PM")).andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode tender = api.read(api.get("staff-hrb", "/api/tenders/" + tenderId));
            assertThat(tender.get("state").asText()).isEqualTo("AWAITING_EXPERT_DRAW");
            assertThat(tender.get("venueDrawId").asText()).isNotEqualTo(firstDraw);
        });
        awaitQuietEvents();
        assertThat(jdbc.sql("SELECT eval_date, half_day, COUNT(*) AS seats FROM workstation_booking WHERE holder_ref = ? "
                + "GROUP BY eval_date, half_day").param(tenderId)
                .query((rs, row) -> rs.getDate("eval_date").toLocalDate() + " " + rs.getString("half_day") + " "
                        + rs.getInt("seats"))
                .list()).containsExactly(second + " PM 5");
    }

    @Test
    void aWithdrawnTenderFreesItsSeats() throws Exception {
        String tenderId = registerAndAwait(TenderBody.valid().with("evaluationDate", TenderBody.freshDate().toString()),
                "AWAITING_EXPERT_DRAW");
        assertThat(bookedSeats(tenderId)).isNotEmpty();

        api.post("staff-hrb", "/api/tenders/" + tenderId + "/withdrawal", Map.of("reason", "招标项目取消"))
                .andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(bookedSeats(tenderId)).isEmpty());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.entriesFor("TENDER", tenderId))
                .filteredOn(e -> e.action().equals("VENUE_BOOKINGS_RELEASED")).extracting(AuditEntry::detail)
                .containsExactly("trigger=TENDER_WITHDRAWN seats=5"));
    }

    private String registerAndAwait(TenderBody body, String state) throws Exception {
        String tenderId = api.register(body).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
        return tenderId;
    }

    private String drawIdOf(String tenderId) throws Exception {
        String drawId = api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("venueDrawId").asText();
        assertThat(jdbc.sql("SELECT tender_id FROM draw_record WHERE id = ?").param(drawId).query(String.class).single())
                .isEqualTo(tenderId);
        return drawId;
    }

    private void endEvaluation(String tenderId, String drawId) {
        transaction().executeWithoutResult(status -> events.publishEvent(new EvaluationEnded(tenderId, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/draws/" + drawId)).get("revealed").asBoolean()).isTrue());
    }

    private Map<String, Integer> bookedSeats(String tenderId) {
        Map<String, Integer> booked = new TreeMap<>();
        jdbc.sql("SELECT w.center_code, COUNT(*) AS seats FROM workstation_booking b JOIN workstation w "
                + "ON w.id = b.workstation_id WHERE b.holder_ref = ? GROUP BY w.center_code").param(tenderId)
                .query((rs, row) -> booked.put(rs.getString("center_code"), rs.getInt("seats"))).list();
        return booked;
    }

    private void awaitQuietEvents() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                .query(Long.class).single() == 0);
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactions);
    }
}
