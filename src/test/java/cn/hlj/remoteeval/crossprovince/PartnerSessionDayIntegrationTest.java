package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.evaluation.EvaluationRecords;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * This province as main venue of a cross-province tender whose plan came through the exchange: on the
 * evaluation day the main venue's session runs here and the partner's session reports through the real
 * inbox (started, signed by every seat, ended); the day ends only once the partner's session reported its
 * signatures, and the main venue's staff follow that session under a label that names no province.
 */
@RemoteEvalIntegrationTest
class PartnerSessionDayIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final ObjectMapper JSON = new ObjectMapper();
    // Longer than the lifecycle's job retry (R3/PT30S): a draw that met a concurrent update of the tender is tried again.
    private static final Duration WAIT = Duration.ofSeconds(75);

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    SeatBookings bookings;
    @Autowired
    CommitteeRoster roster;
    @Autowired
    EvaluationRecords records;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    cn.hlj.remoteeval.testsupport.ExpertInvitations invitations;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    private final String partner = "Y" + new SecureRandom().ints(5, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private final NationalCrypto.KeyPair partnerKeys = CRYPTO.newKeyPair();
    private EnvelopeSealing partnerSide;
    private long sequence;

    @BeforeEach
    void connectThePartner() {
        // Its node is unreachable: what this province sends it stays queued and is removed afterwards.
        PartnerInstance.register(jdbc, partner, partnerKeys.publicKey(), "http://127.0.0.1:9/exchange/v1/messages");
        partnerSide = new EnvelopeSealing(partner, partnerKeys.privateKey(), Duration.ofMinutes(10), CRYPTO,
                new cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas(), code -> Optional.empty(),
                (sender, id, at) -> true, (id, sender, r, d, at) -> {
                }, Clock.systemUTC(), JSON);
    }

    @AfterEach
    void disconnect() {
        jdbc.sql("DELETE FROM exchange_outbox WHERE receiver = ?").param(partner).update();
        PartnerInstance.unregister(jdbc, partner);
    }

    @Test
    void theEvaluationDayEndsOnlyOnceThePartnersSessionReportedItsSignaturesThroughTheInbox() throws Exception {
        String id = api.register(TenderBody.valid().category("SERVICES", "12000000.00")
                .with("evaluationDate", TenderBody.freshDate().toString()).with("halfDay", "PM")).get("id").asText();
        Map<String, Object> request = await().atMost(WAIT).until(() -> jdbc.sql("SELECT partner, seats FROM cross_province_request "
                + "WHERE tender_id = ? AND current_marker = TRUE").param(id).query().listOfRows(), rows -> !rows.isEmpty()).get(0);
        assertThat(request.get("PARTNER")).as("the stand-in partner is the only one connected").isEqualTo(partner);
        int partnerSeats = ((Number) request.get("SEATS")).intValue();
        String sessionRef = "JS-" + UUID.randomUUID().toString().substring(0, 8);

        ObjectNode offer = JSON.createObjectNode();
        offer.putArray("sessions").addObject().put("sessionRef", sessionRef).put("seats", partnerSeats);
        deliver(MessageType.SUB_VENUE_OFFER, id, offer);
        awaitState(id, "AWAITING_EXPERT_DRAW");
        // The experts of both sides: the main venue's own seat here, the partner's four confirmed by its result.
        String lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(id).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(lifecycle).timers()
                .activityId("AwaitExchangeExpertDraw").singleResult().getId());
        for (String seat : await().atMost(WAIT).until(() -> invitations.invited(id), seats -> seats.size() == 1)) {
            api.postAnonymous("/api/expert-invitations/" + invitations.replyCode(seat) + "/answer", "{\"answer\":\"ACCEPT\"}")
                    .andExpect(status().isOk());
        }
        String drawRequest = await().atMost(WAIT).until(() -> jdbc.sql("SELECT body FROM exchange_outbox WHERE correlation_id = ? "
                + "AND message_type = 'EXPERT_DRAW_REQUEST'").param(id).query(String.class).optional().orElse(null), b -> b != null);
        ObjectNode result = JSON.createObjectNode().put("sessionRef", sessionRef);
        for (JsonNode seat : JSON.readTree(drawRequest).get("seats")) {
            result.withArray("seats").addObject().put("seatRef", seat.get("seatRef").asText()).put("state", "CONFIRMED");
        }
        deliver(MessageType.EXPERT_DRAW_RESULT, id, result);
        awaitState(id, "EVALUATING");

        ProcessInstance day = await().atMost(WAIT).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("evaluation-day").processInstanceBusinessKey(id).singleResult(), p -> p != null);
        assertThat(runtime.getVariable(day.getId(), "partnerSessions")).isEqualTo(List.of(sessionRef));
        EngineActor.as(identity, "staff-hrb", "staff-HRB", () -> tasks.complete(task(day.getId(), "OpenSession").getId(),
                Map.of("supervisorOnSite", true, "sessionStartedAt", OffsetDateTime.now().withNano(0).toString())));
        runMainVenueSession(id);

        // Every seat here signed, the partner's session has not reported: the day waits for it.
        Thread.sleep(1000);
        assertThat(records.endedAt(id)).isEmpty();
        assertThat(runtime.createExecutionQuery().processInstanceId(day.getId()).activityId("AwaitPartnerSessionSigned")
                .count()).isOne();

        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        deliver(MessageType.SESSION_STARTED, id, JSON.createObjectNode().put("sessionRef", sessionRef)
                .put("startedAt", started.toString()));
        ObjectNode signatures = JSON.createObjectNode().put("sessionRef", sessionRef);
        ArrayNode seats = signatures.putArray("seats");
        for (int i = 1; i <= partnerSeats; i++) {
            seats.addObject().put("seatRef", "SEAT-" + i).put("signatureRef", "SIG-" + i)
                    .put("signedAt", started.plusSeconds(3000 + i).toString());
        }
        deliver(MessageType.SIGNATURES_COLLECTED, id, signatures);
        deliver(MessageType.SESSION_ENDED, id, JSON.createObjectNode().put("sessionRef", sessionRef)
                .put("endedAt", started.plusSeconds(3300).toString()));

        await().atMost(WAIT).until(() -> records.endedAt(id).isPresent());
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM exchange_inbox WHERE sender = ? AND state = 'HANDLED'")
                .param(partner).query(Long.class).single() == sequence);
        String body = api.get("staff-hrb", "/api/tenders/" + id + "/partner-sessions").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode view = JSON.readTree(body);
        assertThat(view).hasSize(1);
        assertThat(view.get(0).get("label").asText()).isEqualTo("合作省份场次 1");
        assertThat(Instant.parse(view.get(0).get("startedAt").asText())).isEqualTo(started);
        assertThat(view.get(0).get("endedAt").isNull()).isFalse();
        assertThat(view.get(0).get("signatures").asInt()).isEqualTo(partnerSeats);
        assertThat(view.get(0).get("signedAt").isNull()).isFalse();
        // Which province hosts the sub-venue is as secret from the trading center's staff as the sub-venue itself.
        assertThat(body).doesNotContain(partner).doesNotContain(sessionRef);
        api.get("staff-qqhr", "/api/tenders/" + id + "/partner-sessions").andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action IN "
                + "('PARTNER_SESSION_STARTED', 'PARTNER_SESSION_SIGNED', 'PARTNER_SESSION_ENDED')").param(id)
                .query(Long.class).single()).isEqualTo(3);
    }

    private void runMainVenueSession(String id) throws Exception {
        String session = bookings.sessionsOf(id).get(0).sessionCode();
        int here = roster.seatsAt(id, session).size();
        ProcessInstance venue = await().atMost(WAIT).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("venue-duties").processInstanceBusinessKey(id).singleResult(), p -> p != null);
        EngineActor.as(identity, "staff-hrb", List.of("staff-HRB", "venue-" + session), () -> {
            tasks.complete(task(venue.getId(), "PrepareWorkstations").getId(), Map.of("workstationsReady", true));
            tasks.complete(task(venue.getId(), "ConnectAudioVideo").getId(), Map.of("audioVideoConnected", true));
            tasks.complete(task(venue.getId(), "ArrangeMealsAndLodging").getId(), Map.of("mealsAndLodgingArranged", true));
            tasks.complete(task(venue.getId(), "VerifyExpertIdentities").getId(),
                    Map.of("expertsPresent", (long) here, "noShowSeats", "", "identitiesVerified", true));
            tasks.complete(task(venue.getId(), "SignReport").getId(), Map.of("reportSigned", true));
        });
    }

    private void deliver(MessageType type, String tenderId, ObjectNode body) throws Exception {
        byte[] wire = partnerSide.wire(partnerSide.seal(type, UUID.randomUUID().toString(), tenderId, "HL", ++sequence, body,
                null, NationalCrypto.publicKeyOf(ourPrivateKey)));
        mvc.perform(MockMvcRequestBuilders.post("/exchange/v1/messages").contentType(MediaType.APPLICATION_JSON).content(wire))
                .andExpect(status().isAccepted());
    }

    private Task task(String processInstanceId, String key) {
        return await().atMost(WAIT).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(key).singleResult(), t -> t != null);
    }

    private void awaitState(String id, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText()).isEqualTo(state));
    }
}
