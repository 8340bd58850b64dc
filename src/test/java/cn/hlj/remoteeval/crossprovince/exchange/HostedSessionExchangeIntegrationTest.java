package cn.hlj.remoteeval.crossprovince.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * Through the real inbox and outbox, with a partner whose messages this test seals and signs: as sub-venue,
 * the partner's acceptance starts the hosted session, whose staff's steps queue SESSION_STARTED,
 * SESSION_ENDED, CLUE_PASSED_ON (description sealed) and AV_HANDOVER for the partner under its tender
 * reference, and the partner's receipt ends it; as main venue, a partner's CLUE_PASSED_ON reaches the
 * main venue's clue process as a local sub-venue's clue does, once per clue, its description encrypted.
 */
@RemoteEvalIntegrationTest
class HostedSessionExchangeIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final Duration HANDLING = Duration.ofSeconds(30);
    private static final String DESCRIPTION = "评标专家甲与投标人乙在休息区私下接触";

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
    ManagementService management;
    @Autowired
    SeatBookings bookings;
    @Autowired
    PersonalDataCipher cipher;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    private final String partner = "Z" + new SecureRandom().ints(5, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private final NationalCrypto.KeyPair partnerKeys = CRYPTO.newKeyPair();
    private EnvelopeSealing partnerSide;
    private long sequence;

    @BeforeEach
    void connectThePartner() {
        PartnerInstance.register(jdbc, partner, partnerKeys.publicKey(), "http://127.0.0.1:9/exchange/v1/messages");
        partnerSide = new EnvelopeSealing(partner, partnerKeys.privateKey(), Duration.ofMinutes(10), CRYPTO,
                new ExchangeSchemas(), code -> Optional.empty(), (sender, id, at) -> true, (id, sender, r, d, at) -> {
                }, Clock.systemUTC(), ExchangeExamples.JSON);
    }

    @AfterEach
    void disconnect() {
        jdbc.sql("UPDATE partner_hosting SET state = 'CANCELLED', active_marker = NULL, cancelled_by = 'test', "
                + "cancelled_at = CURRENT_TIMESTAMP WHERE partner_province = ? AND state = 'ACTIVE'").param(partner).update();
        jdbc.sql("DELETE FROM exchange_outbox WHERE receiver = ?").param(partner).update();
        PartnerInstance.unregister(jdbc, partner);
    }

    @Test
    void theHostedSessionRunsOnTheStaffsTasksAndItsMessagesLeaveForThePartnerUnderItsTenderRef() throws Exception {
        String tenderRef = "REF-" + UUID.randomUUID();
        ObjectNode request = ExchangeExamples.JSON.createObjectNode();
        request.put("tenderRef", tenderRef);
        request.put("evaluationDate", OwnPeriods.freshDate().toString());
        request.put("halfDay", "AM");
        request.put("seats", 2);
        deliver(MessageType.SUB_VENUE_REQUEST, tenderRef, request, null);
        String hostingId = await().atMost(HANDLING).until(() -> jdbc.sql("SELECT id FROM partner_hosting WHERE "
                + "partner_province = ? AND partner_tender_ref = ? AND state = 'ACTIVE'").params(partner, tenderRef)
                .query(String.class).optional(), Optional::isPresent).get();
        String center = jdbc.sql("SELECT center_code FROM partner_hosting WHERE id = ?").param(hostingId).query(String.class).single();
        String session = bookings.sessionCodeOf(hostingId, center).orElseThrow();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(hostingId).count())
                .as("no duties before the partner accepts").isZero();

        ObjectNode acceptance = ExchangeExamples.JSON.createObjectNode();
        acceptance.putArray("sessionRefs").add(session);
        deliver(MessageType.SUB_VENUE_ACCEPTANCE, tenderRef, acceptance, null);
        ProcessInstance hosted = await().atMost(HANDLING).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("hosted-session").processInstanceBusinessKey(hostingId).singleResult(), p -> p != null);
        assertThat(runtime.getVariables(hosted.getId())).containsEntry("sessionCode", session).doesNotContainValue(center)
                .doesNotContainKey("partner");

        management.executeJob(management.createJobQuery().processInstanceId(hosted.getId()).timers().singleResult().getId());
        List<String> staff = List.of("staff-" + center, "venue-" + session);
        EngineActor.as(identity, "staff-" + center.toLowerCase(), staff, () -> {
            complete(hosted, "PrepareWorkstations", Map.of("workstationsReady", true));
            complete(hosted, "ConnectAudioVideo", Map.of("audioVideoConnected", true));
            complete(hosted, "VerifyExpertIdentities", Map.of("expertsPresent", 2L, "identitiesVerified", true));
            complete(hosted, "ArrangeMealsAndLodging", Map.of("mealsAndLodgingArranged", true));
            complete(hosted, "OpenHostedSession", Map.of("sessionOpened", true));
            complete(hosted, "SignReport", Map.of("reportSigned", true));
            complete(hosted, "PassOnClue", Map.of("category", "EXPERT_MISCONDUCT",
                    "foundOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "sealedClueDescription", DESCRIPTION));
            complete(hosted, "CloseHostedSession", Map.of("sessionClosed", true));
            complete(hosted, "HandOverMaterial", Map.of("medium", "ONLINE", "handedOverAt",
                    OffsetDateTime.now().withNano(0).toString(), "sealedItems", "评标室录像01.mp4," + "c".repeat(64)));
        });

        List<Map<String, Object>> sent = jdbc.sql("SELECT message_type, correlation_id, body, sealed FROM exchange_outbox "
                + "WHERE receiver = ? ORDER BY sequence_no").param(partner).query().listOfRows();
        assertThat(sent).extracting(row -> row.get("MESSAGE_TYPE")).containsExactly("SUB_VENUE_OFFER", "SESSION_STARTED",
                "CLUE_PASSED_ON", "SESSION_ENDED", "AV_HANDOVER");
        assertThat(sent).allSatisfy(row -> {
            assertThat(row.get("CORRELATION_ID")).isEqualTo(tenderRef);
            assertThat((String) row.get("BODY")).doesNotContain(DESCRIPTION).doesNotContain("\"" + center + "\"");
        });
        JsonNode clue = ExchangeExamples.JSON.readTree((String) sent.get(2).get("BODY"));
        assertThat(clue.get("sessionRef").asText()).isEqualTo(session);
        assertThat(clue.get("category").asText()).isEqualTo("EXPERT_MISCONDUCT");
        assertThat(sent.get(2).get("SEALED")).as("the description travels sealed").isNotNull();
        assertThat((String) sent.get(2).get("SEALED")).doesNotContain(DESCRIPTION);
        assertThat(ExchangeExamples.JSON.readTree((String) sent.get(1).get("BODY")).get("sessionRef").asText()).isEqualTo(session);
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE subject_id = ? AND action = 'HOSTED_CLUE_PASSED_ON'")
                .param(hostingId).query(String.class).single()).doesNotContain(DESCRIPTION);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = 'HOSTED_REPORT_SIGNED'")
                .param(hostingId).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hosted_session WHERE hosting_id = ? AND handover_deadline_id IS NOT NULL")
                .param(hostingId).query(Long.class).single()).isOne();
        assertThat(runtime.createExecutionQuery().processInstanceId(hosted.getId()).activityId("AwaitReceipt").count()).isOne();

        ObjectNode receipt = ExchangeExamples.JSON.createObjectNode();
        receipt.put("handoverRef", session);
        receipt.put("receivedAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        receipt.put("itemCount", 1);
        deliver(MessageType.AV_HANDOVER_RECEIPT, tenderRef, receipt, null);
        await().atMost(HANDLING).until(() -> runtime.createProcessInstanceQuery().processInstanceId(hosted.getId()).count() == 0);
    }

    @Test
    void aPartnersClueReachesTheMainVenuesClueProcessOnceWithItsDescriptionEncrypted() throws Exception {
        JsonNode registered = api.register(TenderBody.valid().category("SERVICES", "12000000.00")
                .with("evaluationDate", TenderBody.freshDate().toString()).with("halfDay", "AM"));
        String tenderId = registered.get("id").asText();
        await().atMost(HANDLING).until(() -> jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE receiver = ? AND "
                + "correlation_id = ? AND message_type = 'SUB_VENUE_REQUEST'").params(partner, tenderId).query(Long.class).single() == 1);
        int seats = ExchangeExamples.JSON.readTree(jdbc.sql("SELECT body FROM exchange_outbox WHERE receiver = ? AND "
                + "correlation_id = ? AND message_type = 'SUB_VENUE_REQUEST'").params(partner, tenderId).query(String.class)
                .single()).get("seats").asInt();
        ObjectNode offer = ExchangeExamples.JSON.createObjectNode();
        offer.putArray("sessions").addObject().put("sessionRef", "JS-77").put("seats", seats);
        deliver(MessageType.SUB_VENUE_OFFER, tenderId, offer, null);
        await().atMost(HANDLING).until(() -> jdbc.sql("SELECT COUNT(*) FROM cross_province_assignment WHERE tender_id = ? "
                + "AND current_marker = TRUE").param(tenderId).query(Long.class).single() == 1);

        ObjectNode clue = ExchangeExamples.JSON.createObjectNode();
        clue.put("sessionRef", "JS-77");
        clue.put("clueRef", "JC-1");
        clue.put("category", "COLLUSIVE_BIDDING");
        clue.put("foundOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        ObjectNode secret = ExchangeExamples.JSON.createObjectNode().put("description", DESCRIPTION);
        deliver(MessageType.CLUE_PASSED_ON, tenderId, clue, secret);
        deliver(MessageType.CLUE_PASSED_ON, tenderId, clue, secret);
        await().atMost(HANDLING).until(() -> jdbc.sql("SELECT COUNT(*) FROM exchange_inbox WHERE sender = ? AND state = 'HANDLED'")
                .param(partner).query(Long.class).single() == 3);

        List<Map<String, Object>> clues = jdbc.sql("SELECT id, session_code, category, description_cipher, reported_by, "
                + "receipt_deadline_id FROM wrongdoing_clue WHERE tender_id = ?").param(tenderId).query().listOfRows();
        assertThat(clues).as("the same clue passed on again is taken once").hasSize(1);
        Map<String, Object> stored = clues.get(0);
        assertThat(stored.get("SESSION_CODE")).isEqualTo("JS-77");
        assertThat(stored.get("CATEGORY")).isEqualTo("COLLUSIVE_BIDDING");
        assertThat(stored.get("REPORTED_BY")).isEqualTo("exchange:" + partner);
        assertThat(stored.get("RECEIPT_DEADLINE_ID")).isNotNull();
        assertThat((String) stored.get("DESCRIPTION_CIPHER")).doesNotContain(DESCRIPTION);
        assertThat(cipher.decrypt((String) stored.get("DESCRIPTION_CIPHER"))).isEqualTo(DESCRIPTION);

        ProcessInstance report = runtime.createProcessInstanceQuery().processDefinitionKey("clue-report")
                .processInstanceBusinessKey(tenderId).singleResult();
        assertThat(report).isNotNull();
        assertThat(runtime.getVariables(report.getId())).containsEntry("clueId", stored.get("ID"))
                .containsEntry("mainCenter", "HRB").doesNotContainValue(DESCRIPTION);
        assertThat(tasks.createTaskQuery().processInstanceId(report.getId()).taskDefinitionKey("ReceiveClue")
                .taskCandidateGroup("staff-" + "HRB").count()).isOne();
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE subject_id = ? AND action = 'PARTNER_CLUE_ARRIVED'")
                .param(tenderId).query(String.class).single()).contains("JC-1").doesNotContain(DESCRIPTION);
    }

    private void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult().getId(),
                variables);
    }

    private void deliver(MessageType type, String correlationId, ObjectNode body, ObjectNode secret) throws Exception {
        byte[] wire = partnerSide.wire(partnerSide.seal(type, UUID.randomUUID().toString(), correlationId, "HL", ++sequence, body,
                secret, NationalCrypto.publicKeyOf(ourPrivateKey)));
        mvc.perform(MockMvcRequestBuilders.post("/exchange/v1/messages").contentType(MediaType.APPLICATION_JSON).content(wire))
                .andExpect(status().isAccepted());
    }
}
