package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ExpertInvitations;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * This province as main venue of a cross-province tender whose plan came through the exchange: the
 * experts drawn on both sides fill the committee. A simulated partner (its node unreachable, its
 * messages signed here and delivered to this province's inbox) offers two sessions; at the draw time
 * the main venue draws its own expert seat for its share of the specialties and asks the partner, per
 * session, for the rest under opaque seat references; the partner's results, through the inbox, move
 * the lifecycle on: a SHORT seat to the supervisor and a second request for that seat alone, then the
 * evaluation day once every seat here and there is confirmed.
 */
@RemoteEvalIntegrationTest
class CrossProvinceExpertDrawIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    @Autowired
    ExpertInvitations invitations;
    @Autowired
    SeatBookings bookings;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    private final String partner = "Y" + new SecureRandom().ints(5, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private final NationalCrypto.KeyPair partnerKeys = CRYPTO.newKeyPair();
    private EnvelopeSealing partnerSide;
    private long sequence;

    @BeforeEach
    void connectThePartner() {
        // Its node is unreachable: what this province sends it stays in the outbox, where the test reads it.
        PartnerInstance.register(jdbc, partner, partnerKeys.publicKey(), "http://127.0.0.1:9/exchange/v1/messages");
        partnerSide = new EnvelopeSealing(partner, partnerKeys.privateKey(), Duration.ofMinutes(10), CRYPTO,
                new ExchangeSchemas(), code -> Optional.empty(), (sender, id, at) -> true, (id, sender, r, d, at) -> {
                }, Clock.systemUTC(), JSON);
    }

    @AfterEach
    void disconnect() {
        jdbc.sql("DELETE FROM exchange_outbox WHERE receiver = ?").param(partner).update();
        PartnerInstance.unregister(jdbc, partner);
    }

    @Test
    void theMainVenueDrawsItsShareThePartnerIsAskedForTheRestAndItsResultsCompleteTheCommittee() throws Exception {
        // 7 members, 1 tenderer's representative: the partner is asked for 7 − 7/3 = 5 seats and offers two sessions;
        // the main venue keeps 2 seats, one of them an expert's. Split of A0101 4, C0201 2 for 1 seat here: A0101 1.
        String id = api.register(TenderBody.valid().category("SERVICES", "12000000.00").with("tenderer", "某某招标人有限公司")
                .with("committee", Map.of("size", 7, "tendererRepresentatives", 1, "specialties",
                        List.of(Map.of("code", "A0101", "count", 4), Map.of("code", "C0201", "count", 2)))))
                .get("id").asText();
        await().atMost(WAIT).until(() -> outbox(id, "SUB_VENUE_REQUEST").size() == 1);
        deliver(MessageType.SUB_VENUE_OFFER, id, offer("RS-ONE", 3, "RS-TWO", 2));
        awaitState(id, "AWAITING_EXPERT_DRAW");
        assertThat(bookings.seatPlan(id)).containsOnlyKeys("HRB").containsValue(2);
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(id).singleResult();
        assertThat(runtime.getVariable(lifecycle.getId(), "planThroughExchange")).isEqualTo(true);

        Job timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers()
                .activityId("AwaitExchangeExpertDraw").singleResult();
        management.executeJob(timer.getId());

        // The partner is asked, once per session, for its share under fresh opaque references; nothing else crosses.
        List<JsonNode> requests = await().atMost(WAIT).until(() -> outbox(id, "EXPERT_DRAW_REQUEST"), r -> r.size() == 2);
        JsonNode one = session(requests, "RS-ONE");
        JsonNode two = session(requests, "RS-TWO");
        assertThat(specialties(one)).containsExactly("A0101", "A0101", "A0101");
        assertThat(specialties(two)).containsExactly("C0201", "C0201");
        assertThat(one.get("excludedOrganisations")).extracting(JsonNode::asText).containsExactly("某某招标人有限公司");
        List<String> refs = new ArrayList<>(seatRefs(one));
        refs.addAll(seatRefs(two));
        assertThat(refs).doesNotHaveDuplicates().allMatch(ref -> ref.matches("ES-[A-Z2-7]{20}"));
        for (JsonNode request : requests) {
            assertThat(request.fieldNames()).toIterable().containsExactlyInAnyOrder("sessionRef", "seats", "excludedOrganisations");
            assertThat(request.toString()).doesNotContain(id).doesNotContain("HRB").doesNotContain("name");
        }

        // The main venue drew its one expert seat, for A0101; the committee is not complete until the partner's are.
        List<String> invited = await().atMost(WAIT).until(() -> invitations.invited(id), seats -> seats.size() == 1);
        assertThat(jdbc.sql("SELECT specialty_code FROM committee_seat WHERE tender_id = ?").param(id).query(String.class)
                .list()).containsExactly("A0101");
        String local = invited.get(0);
        assertThat(requests.toString()).doesNotContain(local);
        api.postAnonymous("/api/expert-invitations/" + invitations.replyCode(local) + "/answer", "{\"answer\":\"ACCEPT\"}")
                .andExpect(status().isOk());
        awaitState(id, "AWAITING_PARTNER_EXPERTS");

        // The partner could not fill one seat of its first session: the supervisor deals with it, then it alone is asked again.
        deliver(MessageType.EXPERT_DRAW_RESULT, id, result("RS-TWO", seatRefs(two), "CONFIRMED", "CONFIRMED"));
        deliver(MessageType.EXPERT_DRAW_RESULT, id, result("RS-ONE", seatRefs(one), "CONFIRMED", "SHORT", "CONFIRMED"));
        awaitState(id, "PARTNER_EXPERT_SHORTAGE");
        org.camunda.bpm.engine.task.Task shortage = await().atMost(WAIT).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey("ResolvePartnerExpertShortage").singleResult(), t -> t != null);
        cn.hlj.remoteeval.testsupport.EngineActor.as(identity, "supervisor-hrb", "supervisor-HRB",
                () -> tasks.complete(shortage.getId(), Map.of("partnerExpertShortageHandled", true)));
        List<JsonNode> again = await().atMost(WAIT).until(() -> outbox(id, "EXPERT_DRAW_REQUEST"), r -> r.size() == 3);
        JsonNode second = again.get(2);
        assertThat(second.get("sessionRef").asText()).isEqualTo("RS-ONE");
        assertThat(specialties(second)).containsExactly("A0101");
        assertThat(seatRefs(second)).singleElement().isNotIn(refs);
        awaitState(id, "AWAITING_PARTNER_EXPERTS");

        deliver(MessageType.EXPERT_DRAW_RESULT, id, result("RS-ONE", seatRefs(second), "CONFIRMED"));

        awaitState(id, "EVALUATING");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("evaluation-day").processInstanceBusinessKey(id)
                .count()).isOne();
        assertThat(jdbc.sql("SELECT state FROM exchange_inbox WHERE sender = ? ORDER BY sequence_no").param(partner)
                .query(String.class).list()).containsOnly("HANDLED");
        // Audit entries are written after their transaction.
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = "
                + "'PARTNER_EXPERT_DRAW_RESULT'").param(id).query(Integer.class).single() == 3);
    }

    @Test
    void withEveryExpertAtThePartnerNothingIsDrawnHereAndThePartnersResultCompletesTheCommittee() throws Exception {
        // 5 members, 1 tenderer's representative: the partner holds 4 seats, the main venue 1, the representative's.
        String id = api.register(TenderBody.valid().category("SERVICES", "12000000.00").with("committee", Map.of("size", 5,
                "tendererRepresentatives", 1, "specialties", List.of(Map.of("code", "A0101", "count", 3),
                        Map.of("code", "C0201", "count", 1))))).get("id").asText();
        await().atMost(WAIT).until(() -> outbox(id, "SUB_VENUE_REQUEST").size() == 1);
        deliver(MessageType.SUB_VENUE_OFFER, id, offer("RS-ALL", 4, null, 0));
        awaitState(id, "AWAITING_EXPERT_DRAW");
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(id).singleResult();

        management.executeJob(management.createJobQuery().processInstanceId(lifecycle.getId()).timers()
                .activityId("AwaitExchangeExpertDraw").singleResult().getId());

        JsonNode request = await().atMost(WAIT).until(() -> outbox(id, "EXPERT_DRAW_REQUEST"), r -> r.size() == 1).get(0);
        assertThat(specialties(request)).containsExactly("A0101", "A0101", "A0101", "C0201");
        awaitState(id, "AWAITING_PARTNER_EXPERTS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM committee_seat WHERE tender_id = ?").param(id).query(Integer.class).single())
                .isZero();
        deliver(MessageType.EXPERT_DRAW_RESULT, id, result("RS-ALL", seatRefs(request), "CONFIRMED", "CONFIRMED",
                "CONFIRMED", "CONFIRMED"));
        awaitState(id, "EVALUATING");
    }

    @Test
    void aResultForASeatNeverAskedForIsADeadLetterWithItsReason() throws Exception {
        String id = api.register(TenderBody.valid().category("SERVICES", "12000000.00")).get("id").asText();
        await().atMost(WAIT).until(() -> outbox(id, "SUB_VENUE_REQUEST").size() == 1);
        deliver(MessageType.SUB_VENUE_OFFER, id, offer("RS-ONLY", 4, null, 0));
        awaitState(id, "AWAITING_EXPERT_DRAW");

        deliver(MessageType.EXPERT_DRAW_RESULT, id, result("RS-ONLY", List.of("ES-NEVERASKEDFORTHIS"), "CONFIRMED"));

        await().atMost(WAIT).until(() -> "FAILED".equals(jdbc.sql("SELECT state FROM exchange_inbox WHERE sender = ? "
                + "AND sequence_no = 2").param(partner).query(String.class).single()));
        assertThat(jdbc.sql("SELECT last_error FROM exchange_inbox WHERE sender = ? AND sequence_no = 2").param(partner)
                .query(String.class).single()).contains("未就该场次向贵省请求席位");
        assertThat(state(id)).isEqualTo("AWAITING_EXPERT_DRAW");
    }

    private static ObjectNode offer(String firstRef, int firstSeats, String secondRef, int secondSeats) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode sessions = body.putArray("sessions");
        sessions.addObject().put("sessionRef", firstRef).put("seats", firstSeats);
        if (secondRef != null) {
            sessions.addObject().put("sessionRef", secondRef).put("seats", secondSeats);
        }
        return body;
    }

    private static ObjectNode result(String sessionRef, List<String> seatRefs, String... states) {
        ObjectNode body = JSON.createObjectNode();
        body.put("sessionRef", sessionRef);
        ArrayNode seats = body.putArray("seats");
        for (int i = 0; i < states.length; i++) {
            seats.addObject().put("seatRef", seatRefs.get(i)).put("state", states[i]);
        }
        return body;
    }

    private void deliver(MessageType type, String tenderId, ObjectNode body) throws Exception {
        byte[] wire = partnerSide.wire(partnerSide.seal(type, UUID.randomUUID().toString(), tenderId, "HL", ++sequence, body,
                null, NationalCrypto.publicKeyOf(ourPrivateKey)));
        mvc.perform(MockMvcRequestBuilders.post("/exchange/v1/messages").contentType(MediaType.APPLICATION_JSON).content(wire))
                .andExpect(status().isAccepted());
    }

    private List<JsonNode> outbox(String tenderId, String type) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (String body : jdbc.sql("SELECT body FROM exchange_outbox WHERE receiver = ? AND correlation_id = ? "
                + "AND message_type = ? ORDER BY sequence_no").params(partner, tenderId, type).query(String.class).list()) {
            bodies.add(JSON.readTree(body));
        }
        return bodies;
    }

    private static JsonNode session(List<JsonNode> requests, String sessionRef) {
        return requests.stream().filter(r -> r.get("sessionRef").asText().equals(sessionRef)).findFirst().orElseThrow();
    }

    private static List<String> specialties(JsonNode request) {
        List<String> codes = new ArrayList<>();
        request.get("seats").forEach(seat -> codes.add(seat.get("specialtyCode").asText()));
        return codes;
    }

    private static List<String> seatRefs(JsonNode request) {
        List<String> refs = new ArrayList<>();
        request.get("seats").forEach(seat -> refs.add(seat.get("seatRef").asText()));
        return refs;
    }

    private String state(String id) throws Exception {
        return api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText();
    }

    private void awaitState(String id, String wanted) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(state(id)).isEqualTo(wanted));
    }
}
