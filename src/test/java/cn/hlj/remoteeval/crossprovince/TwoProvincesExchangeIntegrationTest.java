package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * Two provinces, two applications, two databases: this province (HL, the shared test context) as main
 * venue of a cross-province tender, and the partner simulator (this application as JL, its own
 * in-memory database) fixing the sub-venues through the exchange. The tender's request crosses, the
 * partner books cross-province workstations at one of its permanent sub-venues and offers an opaque
 * session, this province takes the rest of the committee at its main venue and the lifecycle moves on;
 * a withdrawal frees the partner's seats; with the partner down, the request waits and goes through
 * once the partner is back.
 */
@RemoteEvalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoProvincesExchangeIntegrationTest {

    private static final Duration CROSSING = Duration.ofSeconds(60);

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SeatBookings bookings;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    @LocalServerPort
    int port;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    private PartnerInstance partner;

    @BeforeAll
    void startThePartnerAndConnectBothRegisters() {
        partner = new PartnerInstance("JL").start();
        partner.registerPartner("HL", NationalCrypto.publicKeyOf(ourPrivateKey),
                "http://127.0.0.1:" + port + "/exchange/v1/messages");
        PartnerInstance.register(jdbc, partner.province(), partner.publicKey(), partner.endpoint());
    }

    @AfterAll
    void disconnect() {
        PartnerInstance.unregister(jdbc, partner.province());
        partner.close();
    }

    @Test
    void theRequestCrossesThePartnerOffersASessionAndTheMainVenueTakesTheRestOfTheCommittee() throws Exception {
        String id = registerCrossProvinceTender();

        awaitState(id, "AWAITING_EXPERT_DRAW");
        Map<String, Object> plan = jdbc.sql("SELECT partner_province, main_venue_seats, partner_sub_venues, received_by "
                + "FROM cross_province_assignment WHERE tender_id = ? AND current_marker = TRUE").param(id).query().singleRow();
        assertThat(plan.get("PARTNER_PROVINCE")).isEqualTo("JL");
        assertThat(plan.get("RECEIVED_BY")).isEqualTo("exchange:JL");
        // A committee of 5: the partner was asked for 5 − 5/3 = 4 seats and offered them; the main venue holds 1.
        assertThat(((Number) plan.get("MAIN_VENUE_SEATS")).intValue()).isEqualTo(1);
        assertThat(bookings.seatPlan(id)).containsOnlyKeys("HRB").containsValue(1);

        Map<String, Object> hosting = partner.jdbc().sql("SELECT id, center_code, seats, state FROM partner_hosting "
                + "WHERE partner_province = 'HL' AND partner_tender_ref = ?").param(id).query().singleRow();
        assertThat(hosting.get("STATE")).isEqualTo("ACTIVE");
        assertThat(hosting.get("CENTER_CODE")).isIn("PROV", "HRB", "QQHR");
        assertThat(((Number) hosting.get("SEATS")).intValue()).isEqualTo(4);
        String session = partner.context().getBean(SeatBookings.class)
                .sessionCodeOf((String) hosting.get("ID"), (String) hosting.get("CENTER_CODE")).orElseThrow();
        // What crossed is the session's opaque code: the hosting center never leaves the partner.
        assertThat((String) plan.get("PARTNER_SUB_VENUES")).contains(session).doesNotContain("\"" + hosting.get("CENTER_CODE") + "\"");
        await().atMost(CROSSING).until(() -> partner.jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = "
                + "'PARTNER_HOSTING_CONFIRMED' AND subject_id = ?").param(hosting.get("ID")).query(Long.class).single() == 1);

        // Canary: nothing that crossed, either way, names the partner's hosting center (code or name) or a person.
        String centerCode = (String) hosting.get("CENTER_CODE");
        String centerName = partner.context().getBean(cn.hlj.remoteeval.venue.TradingCenters.class).find(centerCode)
                .orElseThrow().name();
        List<String> crossed = new java.util.ArrayList<>();
        crossed.addAll(jdbc.sql("SELECT received FROM exchange_inbox WHERE correlation_id = ?").param(id).query(String.class).list());
        crossed.addAll(jdbc.sql("SELECT body FROM exchange_outbox WHERE correlation_id = ?").param(id).query(String.class).list());
        crossed.addAll(partner.jdbc().sql("SELECT body FROM exchange_outbox WHERE correlation_id = ?").param(id)
                .query(String.class).list());
        assertThat(crossed).hasSizeGreaterThanOrEqualTo(4).allSatisfy(text -> assertThat(text)
                .doesNotContain(centerName).doesNotContain("\"" + centerCode + "\"").doesNotContain("centerCode")
                .doesNotContain("name"));

        // Nor does the log say which province hosts this tender's sub-venues (the audit log keeps it, for auditors).
        java.nio.file.Path log = java.nio.file.Path.of("target/remote-eval-test.log");
        assertThat(java.nio.file.Files.readAllLines(log).stream().filter(line -> line.contains(id)))
                .isNotEmpty().noneMatch(line -> line.matches(".*\\bJL\\b.*") || line.contains(centerName));

        for (JdbcClient side : List.of(jdbc, partner.jdbc())) {
            assertThat(side.sql("SELECT COUNT(*) FROM exchange_inbox WHERE correlation_id = ? AND state <> 'HANDLED'")
                    .param(id).query(Long.class).single()).as("every message handled on both sides").isZero();
        }
    }

    @Test
    void aWithdrawnTenderFreesThePartnersSeats() throws Exception {
        String id = registerCrossProvinceTender();
        awaitState(id, "AWAITING_EXPERT_DRAW");
        String hostingId = partner.jdbc().sql("SELECT id FROM partner_hosting WHERE partner_province = 'HL' "
                + "AND partner_tender_ref = ? AND state = 'ACTIVE'").param(id).query(String.class).single();
        assertThat(partner.context().getBean(SeatBookings.class).seatPlan(hostingId)).isNotEmpty();

        api.post("staff-hrb", "/api/tenders/" + id + "/withdrawal", Map.of("reason", "招标计划取消"))
                .andExpect(status().isOk());

        await().atMost(CROSSING).until(() -> "CANCELLED".equals(partner.jdbc()
                .sql("SELECT state FROM partner_hosting WHERE id = ?").param(hostingId).query(String.class).single()));
        assertThat(partner.context().getBean(SeatBookings.class).seatPlan(hostingId)).isEmpty();
    }

    @Test
    void aRequestQueuedWhileThePartnerIsDownGoesThroughOnceItIsBack() throws Exception {
        partner.stop();
        String id;
        try {
            id = registerCrossProvinceTender();
            await().atMost(CROSSING).until(() -> jdbc.sql("SELECT COALESCE(MAX(attempts), 0) FROM exchange_outbox "
                    + "WHERE correlation_id = ? AND message_type = 'SUB_VENUE_REQUEST'").param(id).query(Integer.class)
                    .single() >= 2);
            assertThat(jdbc.sql("SELECT state FROM exchange_outbox WHERE correlation_id = ? AND message_type = "
                    + "'SUB_VENUE_REQUEST'").param(id).query(String.class).single()).isIn("PENDING", "SENDING");
            assertThat(state(id)).isEqualTo("AWAITING_PARTNER_ASSIGNMENT");
        } finally {
            partner.start();
        }
        awaitState(id, "AWAITING_EXPERT_DRAW");
        assertThat(jdbc.sql("SELECT state FROM exchange_outbox WHERE correlation_id = ? AND message_type = "
                + "'SUB_VENUE_REQUEST'").param(id).query(String.class).single()).isEqualTo("DELIVERED");
    }

    @Test
    void aRequestThePartnerRefusesIsADeadLetterUntilAnOperatorSendsItAgainAfterTheCauseIsFixed() throws Exception {
        String rightKey = NationalCrypto.publicKeyOf(ourPrivateKey);
        String wrongKey = new NationalCrypto(new java.security.SecureRandom()).newKeyPair().publicKey();
        partner.jdbc().sql("UPDATE partner_province SET exchange_public_key = ? WHERE code = 'HL'").param(wrongKey).update();
        String id;
        try {
            id = registerCrossProvinceTender();
            await().atMost(CROSSING).until(() -> "REFUSED".equals(jdbc.sql("SELECT state FROM exchange_outbox "
                    + "WHERE correlation_id = ? AND message_type = 'SUB_VENUE_REQUEST'").param(id).query(String.class).single()));
            assertThat(jdbc.sql("SELECT last_error FROM exchange_outbox WHERE correlation_id = ? AND message_type = "
                    + "'SUB_VENUE_REQUEST'").param(id).query(String.class).single()).startsWith("BAD_SIGNATURE");
            assertThat(partner.jdbc().sql("SELECT COUNT(*) FROM exchange_refusal WHERE claimed_sender = 'HL' AND reason = "
                    + "'BAD_SIGNATURE'").query(Long.class).single()).isPositive();
            JsonNode dead = api.read(api.get("demo", "/api/exchange/messages?direction=OUT&partner=JL&state=REFUSED"));
            assertThat(dead.findValuesAsText("correlationId")).contains(id);
        } finally {
            partner.jdbc().sql("UPDATE partner_province SET exchange_public_key = ? WHERE code = 'HL'").param(rightKey).update();
        }
        String messageId = jdbc.sql("SELECT message_id FROM exchange_outbox WHERE correlation_id = ? AND message_type = "
                + "'SUB_VENUE_REQUEST'").param(id).query(String.class).single();
        api.post("staff-hrb", "/api/exchange/messages/out/" + messageId + "/resend", Map.of()).andExpect(status().isForbidden());
        api.post("demo", "/api/exchange/messages/out/" + messageId + "/resend", Map.of()).andExpect(status().isAccepted());

        awaitState(id, "AWAITING_EXPERT_DRAW");
        assertThat(jdbc.sql("SELECT state FROM exchange_outbox WHERE message_id = ?").param(messageId).query(String.class)
                .single()).isEqualTo("DELIVERED");
    }

    @Test
    void afterTheEvaluationThePartnersMaterialArrivesByMessageIsVerifiedHereAndReceiptedToThePartner() throws Exception {
        String id = registerCrossProvinceTender();
        awaitState(id, "AWAITING_EXPERT_DRAW");
        String hostingId = partner.jdbc().sql("SELECT id FROM partner_hosting WHERE partner_province = 'HL' "
                + "AND partner_tender_ref = ? AND state = 'ACTIVE'").param(id).query(String.class).single();
        String partnerSession = jdbc.sql("SELECT partner_sub_venues FROM cross_province_assignment WHERE tender_id = ? "
                + "AND current_marker = TRUE").param(id).query(String.class).single().replaceAll(".*\"venue\":\"([^\"]+)\".*", "$1");

        // The evaluation day at the main venue, as CrossProvinceLifecycleIntegrationTest runs it.
        org.camunda.bpm.engine.task.Task record = await().atMost(CROSSING).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey("RecordNationalExpertDraw").singleResult(), t -> t != null);
        cn.hlj.remoteeval.testsupport.EngineActor.as(identity, "staff-prov", "staff-PROV",
                () -> tasks.complete(record.getId(), Map.of("nationalExpertDrawReference", "NAT-2036-0077")));
        awaitState(id, "EVALUATING");
        org.camunda.bpm.engine.runtime.ProcessInstance day = await().atMost(CROSSING).until(() -> runtime
                .createProcessInstanceQuery().processDefinitionKey("evaluation-day").processInstanceBusinessKey(id)
                .singleResult(), p -> p != null);
        cn.hlj.remoteeval.testsupport.EngineActor.as(identity, "staff-hrb", "staff-HRB", () -> tasks.complete(
                task(day.getId(), "OpenSession").getId(), Map.of("supervisorOnSite", true, "sessionStartedAt",
                        java.time.OffsetDateTime.now().withNano(0).toString())));
        String session = bookings.sessionsOf(id).get(0).sessionCode();
        org.camunda.bpm.engine.runtime.ProcessInstance venue = await().atMost(CROSSING).until(() -> runtime
                .createProcessInstanceQuery().processDefinitionKey("venue-duties").processInstanceBusinessKey(id)
                .singleResult(), p -> p != null);
        cn.hlj.remoteeval.testsupport.EngineActor.as(identity, "staff-hrb", List.of("staff-HRB", "venue-" + session), () -> {
            tasks.complete(task(venue.getId(), "PrepareWorkstations").getId(), Map.of("workstationsReady", true));
            tasks.complete(task(venue.getId(), "ConnectAudioVideo").getId(), Map.of("audioVideoConnected", true));
            tasks.complete(task(venue.getId(), "ArrangeMealsAndLodging").getId(), Map.of("mealsAndLodgingArranged", true));
            tasks.complete(task(venue.getId(), "VerifyExpertIdentities").getId(),
                    Map.of("expertsPresent", 1L, "noShowSeats", "", "identitiesVerified", true));
            tasks.complete(task(venue.getId(), "SignReport").getId(), Map.of("reportSigned", true));
        });
        // The evaluation day also waits for the partner's session to report its signatures: the partner's outbox
        // sends them here, standing in for the hosted session's own report.
        partner.context().getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(tx -> {
            com.fasterxml.jackson.databind.node.ObjectNode signatures = new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode().put("sessionRef", partnerSession);
            com.fasterxml.jackson.databind.node.ArrayNode seats = signatures.putArray("seats");
            for (int seat = 1; seat <= 4; seat++) {
                seats.addObject().put("seatRef", "S-" + seat).put("signatureRef", "SIG-" + seat)
                        .put("signedAt", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            }
            partner.context().getBean(cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutbox.class).send("HL",
                    cn.hlj.remoteeval.crossprovince.exchange.MessageType.SIGNATURES_COLLECTED, id, signatures, null);
        });
        awaitState(id, "HANDING_OVER");

        // The partner's session: its leg waits for the message, with no task for anyone here to fill in.
        org.camunda.bpm.engine.runtime.ProcessInstance leg = await().atMost(CROSSING).until(() -> runtime
                .createProcessInstanceQuery().processDefinitionKey(cn.hlj.remoteeval.handover.HandoverProcesses.AV_HANDOVER_LEG)
                .processInstanceBusinessKey(id).singleResult(), p -> p != null);
        await().atMost(CROSSING).until(() -> runtime.createExecutionQuery().processInstanceId(leg.getId())
                .activityId("AwaitPartnerMaterial").count() == 1);

        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        PartnerInstance.Answer wrong = partner.call("POST", "staff-hrb", "/api/cross-province/hostings/" + hostingId
                + "/av-handover", "{\"medium\":\"TAPE\",\"handedAt\":\"soon\",\"items\":[{\"fileName\":\"a.mp4\",\"sha256\":\"xyz\"}]}");
        assertThat(wrong.status()).isIn(400, 403);
        PartnerInstance.Answer handed = partner.call("POST", "staff-prov", "/api/cross-province/hostings/" + hostingId
                + "/av-handover", "{\"medium\":\"DISC\",\"handedAt\":\"" + java.time.OffsetDateTime.now().withNano(0)
                + "\",\"items\":[{\"fileName\":\"全程录像.mp4\",\"sha256\":\"" + sha + "\"}]}");
        assertThat(handed.status()).as(handed.body()).isEqualTo(201);

        org.camunda.bpm.engine.task.Task receipt = await().atMost(CROSSING).until(() -> tasks.createTaskQuery()
                .processInstanceId(leg.getId()).taskDefinitionKey("ConfirmReceipt").singleResult(), t -> t != null);
        Map<String, Object> handover = jdbc.sql("SELECT state, medium, item_count, handed_by FROM av_handover WHERE tender_id = ? "
                + "AND leg_ref = ?").params(id, partnerSession).query().singleRow();
        assertThat(handover.get("STATE")).isEqualTo("HANDED_OVER");
        assertThat(handover.get("MEDIUM")).isEqualTo("OPTICAL_DISC");
        assertThat(handover.get("HANDED_BY")).isEqualTo("exchange:JL");
        cn.hlj.remoteeval.testsupport.EngineActor.as(identity, "staff-hrb", "staff-HRB", () -> tasks.complete(receipt.getId(),
                Map.of("checksumsVerified", true, "receivedAt", java.time.OffsetDateTime.now().withNano(0).toString())));

        await().atMost(CROSSING).until(() -> partner.jdbc().sql("SELECT received_count FROM hosting_handover "
                + "WHERE hosting_id = ?").param(hostingId).query(Integer.class).optional().orElse(0) == 1);
        assertThat(partner.call("GET", "staff-prov", "/api/cross-province/hostings/" + hostingId + "/av-handover", null)
                .body()).contains("receiptedAt");
        // The hand-over to the tenderer follows, counted from the partner's material being received.
        await().atMost(CROSSING).until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(cn.hlj.remoteeval.handover.HandoverProcesses.AV_HANDOVER_TENDERER_LEG).count() == 1);
    }

    private org.camunda.bpm.engine.task.Task task(String processInstanceId, String key) {
        return await().atMost(CROSSING).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(key).singleResult(), t -> t != null);
    }

    private String registerCrossProvinceTender() throws Exception {
        LocalDate date = TenderBody.freshDate();
        JsonNode registered = api.register(TenderBody.valid().category("SERVICES", "12000000.00")
                .with("evaluationDate", date.toString()).with("halfDay", "AM"));
        assertThat(registered.get("scope").asText()).isEqualTo("CROSS_PROVINCE");
        return registered.get("id").asText();
    }

    private String state(String id) throws Exception {
        return api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText();
    }

    private void awaitState(String id, String wanted) {
        await().atMost(CROSSING).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(state(id)).isEqualTo(wanted));
    }
}
