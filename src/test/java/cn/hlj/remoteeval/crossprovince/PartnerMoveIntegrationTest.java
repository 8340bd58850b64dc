package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * MOVE (调整评标时间) both ways, with a stand-in partner feeding the real inbox. As sub-venue: a hosting
 * moves its seats to the new slot at the same center under the same session reference and offers it again;
 * without room there it is cancelled and the partner told so; a MOVE from a partner that has no hosting of
 * that tender here is refused. As main venue: the move of a tender whose plan came through the exchange sends
 * MOVE to the partner holding its sessions (and waits for its answer), while a hand-entered plan does not.
 */
@RemoteEvalIntegrationTest
class PartnerMoveIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SeatBookings bookings;
    @Autowired
    TradingCenters centers;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    private final Stand partner = new Stand();
    private final Stand other = new Stand();

    /** A partner province stood in by its keys: its node is unreachable, so what it is sent stays queued. */
    private final class Stand {
        final String code = "Y" + new SecureRandom().ints(5, 'A', 'Z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        final NationalCrypto.KeyPair keys = CRYPTO.newKeyPair();
        final EnvelopeSealing sealing = new EnvelopeSealing(code, keys.privateKey(), Duration.ofMinutes(10), CRYPTO,
                new ExchangeSchemas(), c -> Optional.empty(), (sender, id, at) -> true, (id, sender, r, d, at) -> {
                }, Clock.systemUTC(), JSON);
        long sequence;

        void deliver(MessageType type, String correlationId, ObjectNode body) throws Exception {
            byte[] wire = sealing.wire(sealing.seal(type, UUID.randomUUID().toString(), correlationId, "HL", ++sequence, body,
                    null, NationalCrypto.publicKeyOf(ourPrivateKey)));
            mvc.perform(MockMvcRequestBuilders.post("/exchange/v1/messages").contentType(MediaType.APPLICATION_JSON)
                    .content(wire)).andExpect(status().isAccepted());
        }

        void awaitHandled() {
            await().atMost(WAIT).until(() -> "HANDLED".equals(jdbc.sql("SELECT state FROM exchange_inbox WHERE sender = ? "
                    + "AND sequence_no = ?").params(code, sequence).query(String.class).optional().orElse(null)));
        }
    }

    @BeforeEach
    void connect() {
        PartnerInstance.register(jdbc, partner.code, partner.keys.publicKey(), "http://127.0.0.1:9/exchange/v1/messages");
    }

    @AfterEach
    void disconnect() {
        for (Stand stand : List.of(partner, other)) {
            jdbc.sql("UPDATE partner_hosting SET state = 'CANCELLED', active_marker = NULL, cancelled_by = 'test', "
                    + "cancelled_at = CURRENT_TIMESTAMP WHERE partner_province = ? AND state = 'ACTIVE'").param(stand.code).update();
            jdbc.sql("DELETE FROM exchange_outbox WHERE receiver = ?").param(stand.code).update();
            PartnerInstance.unregister(jdbc, stand.code);
        }
    }

    @Test
    void aHostedTenderMovesToTheNewSlotAtTheSameCenterUnderTheSameSessionReference() throws Exception {
        LocalDate date = OwnPeriods.freshDate();
        String ref = "REF-" + UUID.randomUUID();
        Map<String, Object> hosting = host(ref, date);
        String hostingId = (String) hosting.get("ID");
        String center = (String) hosting.get("CENTER_CODE");
        String session = bookings.sessionCodeOf(hostingId, center).orElseThrow();
        Slot old = new Slot(date, HalfDay.PM);
        int freeBefore = bookings.freeSeats(old, true).get(center);
        LocalDate to = OwnPeriods.freshDate();

        partner.deliver(MessageType.MOVE, ref, move(to, HalfDay.AM));
        partner.awaitHandled();

        assertThat(bookings.sessionsOf(hostingId)).singleElement().satisfies(s -> {
            assertThat(s.sessionCode()).isEqualTo(session);
            assertThat(s.centerCode()).isEqualTo(center);
            assertThat(s.seats()).isEqualTo(2);
        });
        assertThat(jdbc.sql("SELECT DISTINCT eval_date FROM workstation_booking WHERE holder_ref = ?").param(hostingId)
                .query(java.sql.Date.class).list()).extracting(java.sql.Date::toLocalDate).containsExactly(to);
        assertThat(bookings.freeSeats(old, true).get(center)).as("the old slot's seats are free again").isEqualTo(freeBefore + 2);
        assertThat(jdbc.sql("SELECT state, eval_date, half_day FROM partner_hosting WHERE id = ?").param(hostingId).query()
                .singleRow()).containsEntry("STATE", "ACTIVE").containsEntry("HALF_DAY", "AM");
        assertThat(offers(ref)).hasSize(2).allSatisfy(offer -> assertThat(offer).contains(session).doesNotContain(center));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'PARTNER_HOSTING_MOVED' AND subject_id = ?")
                .param(hostingId).query(Long.class).single()).isOne();
    }

    @Test
    void aHostedTenderWithoutRoomAtTheNewSlotIsCancelledAndThePartnerToldSo() throws Exception {
        LocalDate date = OwnPeriods.freshDate();
        String ref = "REF-" + UUID.randomUUID();
        Map<String, Object> hosting = host(ref, date);
        String hostingId = (String) hosting.get("ID");
        String center = (String) hosting.get("CENTER_CODE");
        Slot full = new Slot(OwnPeriods.freshDate(), HalfDay.PM);
        String filler = "filler-" + UUID.randomUUID();
        bookings.book(filler, BookingPurpose.PARTNER_HOSTING, full, Map.of(center, bookings.freeSeats(full, true).get(center)),
                true);
        try {
            partner.deliver(MessageType.MOVE, ref, move(full.date(), full.halfDay()));
            partner.awaitHandled();
        } finally {
            bookings.release(filler);
        }

        assertThat(jdbc.sql("SELECT state FROM partner_hosting WHERE id = ?").param(hostingId).query(String.class).single())
                .isEqualTo("CANCELLED");
        assertThat(bookings.seatPlan(hostingId)).isEmpty();
        String cancellation = jdbc.sql("SELECT body FROM exchange_outbox WHERE receiver = ? AND correlation_id = ? "
                + "AND message_type = 'CANCELLATION'").params(partner.code, ref).query(String.class).single();
        String centerName = centers.find(center).orElseThrow().name();
        assertThat(cancellation).contains("无法调整评标时间").doesNotContain(center).doesNotContain(centerName);
    }

    @Test
    void aMoveFromAPartnerWithoutThatTenderHostedHereIsRefusedAndMovesNothing() throws Exception {
        LocalDate date = OwnPeriods.freshDate();
        String ref = "REF-" + UUID.randomUUID();
        String hostingId = (String) host(ref, date).get("ID");
        PartnerInstance.register(jdbc, other.code, other.keys.publicKey(), "http://127.0.0.1:9/exchange/v1/messages");

        other.deliver(MessageType.MOVE, ref, move(OwnPeriods.freshDate(), HalfDay.AM));

        String error = await().atMost(WAIT).until(() -> jdbc.sql("SELECT last_error FROM exchange_inbox WHERE sender = ? "
                + "AND sequence_no = 1").param(other.code).query(String.class).optional().orElse(null), e -> e != null);
        assertThat(error).contains("本省没有承办贵省该标段的副场");
        assertThat(jdbc.sql("SELECT state FROM exchange_inbox WHERE sender = ? AND sequence_no = 1").param(other.code)
                .query(String.class).single()).isNotEqualTo("HANDLED");
        assertThat(jdbc.sql("SELECT eval_date FROM partner_hosting WHERE id = ?").param(hostingId).query(java.sql.Date.class)
                .single().toLocalDate()).isEqualTo(date);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE receiver = ?").param(other.code).query(Long.class)
                .single()).isZero();
    }

    @Test
    void movingATenderWhosePlanCameThroughTheExchangeAsksItsPartnerToMoveAndTheOfferFixesThePlanAgain() throws Exception {
        LocalDate date = TenderBody.freshDate();
        String id = api.register(TenderBody.valid().category("SERVICES", "12000000.00")
                .with("evaluationDate", date.toString()).with("halfDay", "PM")).get("id").asText();
        Map<String, Object> request = await().atMost(WAIT).until(() -> jdbc.sql("SELECT partner, seats FROM cross_province_request "
                + "WHERE tender_id = ? AND current_marker = TRUE").param(id).query().listOfRows(), rows -> !rows.isEmpty()).get(0);
        assertThat(request.get("PARTNER")).as("the stand-in partner is the only one connected").isEqualTo(partner.code);
        int seats = ((Number) request.get("SEATS")).intValue();
        ObjectNode offer = JSON.createObjectNode();
        offer.putArray("sessions").addObject().put("sessionRef", "JS-MOVE-1").put("seats", seats);
        partner.deliver(MessageType.SUB_VENUE_OFFER, id, offer);
        awaitState(id, "AWAITING_EXPERT_DRAW");

        LocalDate to = TenderBody.freshDate();
        api.post("staff-hrb", "/api/tenders/" + id + "/evaluation-slot", Map.of("evaluationDate", to.toString(), "halfDay", "AM"))
                .andExpect(status().isOk());

        JsonNode move = JSON.readTree(jdbc.sql("SELECT body FROM exchange_outbox WHERE receiver = ? AND correlation_id = ? "
                + "AND message_type = 'MOVE'").params(partner.code, id).query(String.class).single());
        assertThat(move.get("evaluationDate").asText()).isEqualTo(to.toString());
        assertThat(move.get("halfDay").asText()).isEqualTo("AM");
        awaitState(id, "AWAITING_PARTNER_ASSIGNMENT");
        // The asynchronous reaction to the move had every chance to cancel and ask anew: it must not.
        Thread.sleep(2000);
        assertThat(jdbc.sql("SELECT message_type FROM exchange_outbox WHERE receiver = ? AND correlation_id = ? ORDER BY sequence_no")
                .params(partner.code, id).query(String.class).list()).containsExactly("SUB_VENUE_REQUEST", "SUB_VENUE_ACCEPTANCE", "MOVE");
        assertThat(jdbc.sql("SELECT eval_date FROM cross_province_request WHERE tender_id = ? AND current_marker = TRUE").param(id)
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(to);

        partner.deliver(MessageType.SUB_VENUE_OFFER, id, offer);
        awaitState(id, "AWAITING_EXPERT_DRAW");
        assertThat(jdbc.sql("SELECT partner_sub_venues FROM cross_province_assignment WHERE tender_id = ? AND current_marker = TRUE")
                .param(id).query(String.class).single()).contains("JS-MOVE-1");
        assertThat(jdbc.sql("SELECT DISTINCT eval_date FROM workstation_booking WHERE holder_ref = ?").param(id)
                .query(java.sql.Date.class).list()).extracting(java.sql.Date::toLocalDate).containsExactly(to);
    }

    @Test
    void movingATenderWithAHandEnteredPlanSendsNoMove() throws Exception {
        PartnerInstance.unregister(jdbc, partner.code);
        LocalDate date = TenderBody.freshDate();
        String id = api.register(TenderBody.valid().category("SERVICES", "12000000.00")
                .with("evaluationDate", date.toString()).with("halfDay", "PM")).get("id").asText();
        awaitState(id, "AWAITING_PARTNER_ASSIGNMENT");
        api.post("staff-prov", "/api/tenders/" + id + "/cross-province-assignment",
                CrossProvinceAssignmentIntegrationTest.plan(2, 2, 1)).andExpect(status().isCreated());
        awaitState(id, "AWAITING_EXPERT_DRAW");

        api.post("staff-hrb", "/api/tenders/" + id + "/evaluation-slot",
                Map.of("evaluationDate", TenderBody.freshDate().toString(), "halfDay", "AM")).andExpect(status().isOk());
        awaitState(id, "AWAITING_PARTNER_ASSIGNMENT");
        Thread.sleep(2000);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE correlation_id = ? AND message_type = 'MOVE'").param(id)
                .query(Long.class).single()).isZero();
    }

    /** The stand-in partner asks for 2 seats on the date's afternoon; answers the hosting it got. */
    private Map<String, Object> host(String ref, LocalDate date) throws Exception {
        ObjectNode request = JSON.createObjectNode();
        request.put("tenderRef", ref);
        request.put("evaluationDate", date.toString());
        request.put("halfDay", "PM");
        request.put("seats", 2);
        partner.deliver(MessageType.SUB_VENUE_REQUEST, ref, request);
        partner.awaitHandled();
        return jdbc.sql("SELECT id, center_code FROM partner_hosting WHERE partner_province = ? AND partner_tender_ref = ? "
                + "AND state = 'ACTIVE'").params(partner.code, ref).query().singleRow();
    }

    private static ObjectNode move(LocalDate date, HalfDay halfDay) {
        return JSON.createObjectNode().put("evaluationDate", date.toString()).put("halfDay", halfDay.name());
    }

    private List<String> offers(String ref) {
        return jdbc.sql("SELECT body FROM exchange_outbox WHERE receiver = ? AND correlation_id = ? AND message_type = "
                + "'SUB_VENUE_OFFER' ORDER BY sequence_no").params(partner.code, ref).query(String.class).list();
    }

    private void awaitState(String id, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText()).isEqualTo(state));
    }
}
