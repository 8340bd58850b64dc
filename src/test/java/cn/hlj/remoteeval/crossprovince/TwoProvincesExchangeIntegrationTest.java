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
 * once the partner is back. And a tender each way (either province as main venue) from registration to
 * the receipt of the hosting province's A/V material, through the real processes of both.
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
    @LocalServerPort
    int port;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;
    @Autowired
    org.springframework.context.ApplicationContext context;

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
    void aTenderOfOursRunsWithThePartnersSessionFromRegistrationToTheReceiptOfItsMaterial() throws Exception {
        carryATenderFromRegistrationToHandOver(here(), there());
    }

    @Test
    void aPartnersTenderRunsWithOurSessionFromRegistrationToTheReceiptOfItsMaterial() throws Exception {
        carryATenderFromRegistrationToHandOver(there(), here());
    }

    /**
     * One cross-province tender from its registration at the main venue's province to the hand-over of the
     * hosting province's A/V material, every step through the real processes of both applications: the
     * sub-venue request and offer; the experts drawn on both sides (the main venue's share here, the rest by
     * the host from its own pool) and confirming by SMS; the evaluation day at the main venue, with the
     * host's session reporting its start, signatures and end; a clue passed on; the material handed over,
     * verified and receipted. Canary: no expert of either side, and not the hosting center, crosses.
     */
    private void carryATenderFromRegistrationToHandOver(Side main, Side host) throws Exception {
        TenderBody tender = TenderBody.valid().category("SERVICES", "12000000.00")
                .with("evaluationDate", TenderBody.freshDate().toString()).with("halfDay", "AM");
        PartnerInstance.Answer registered = main.call("POST", "staff-hrb", "/api/tenders",
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tender.asMap()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(registered.body()).get("id").asText();
        awaitState(main, id, "AWAITING_EXPERT_DRAW");

        String hostingId = await().atMost(CROSSING).until(() -> host.jdbc().sql("SELECT id FROM partner_hosting WHERE "
                + "partner_province = ? AND partner_tender_ref = ? AND state = 'ACTIVE'").params(main.province(), id)
                .query(String.class).optional(), java.util.Optional::isPresent).get();
        String hostCenter = host.jdbc().sql("SELECT center_code FROM partner_hosting WHERE id = ?").param(hostingId)
                .query(String.class).single();
        String hostSession = host.bean(SeatBookings.class).sessionCodeOf(hostingId, hostCenter).orElseThrow();
        org.camunda.bpm.engine.runtime.ProcessInstance hosted = await().atMost(CROSSING).until(() -> host
                .bean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("hosted-session").processInstanceBusinessKey(hostingId).singleResult(), p -> p != null);

        // The expert draw time: the main venue draws its own seat and asks the host for the other four.
        org.camunda.bpm.engine.ManagementService mainJobs = main.bean(org.camunda.bpm.engine.ManagementService.class);
        String lifecycle = main.bean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("tender-lifecycle").processInstanceBusinessKey(id).singleResult().getId();
        mainJobs.executeJob(mainJobs.createJobQuery().processInstanceId(lifecycle).timers()
                .activityId("AwaitExchangeExpertDraw").singleResult().getId());
        List<String> ours = acceptInvitations(main, id, 1);
        List<String> theirs = acceptInvitations(host, hostingId, 4);
        awaitState(main, id, "EVALUATING");

        // The evaluation day: the main venue's own session, and the host's session as the host's staff run it.
        org.camunda.bpm.engine.TaskService mainTasks = main.bean(org.camunda.bpm.engine.TaskService.class);
        org.camunda.bpm.engine.IdentityService mainIdentity = main.bean(org.camunda.bpm.engine.IdentityService.class);
        org.camunda.bpm.engine.runtime.ProcessInstance day = await().atMost(CROSSING).until(() -> main
                .bean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("evaluation-day").processInstanceBusinessKey(id).singleResult(), p -> p != null);
        cn.hlj.remoteeval.testsupport.EngineActor.as(mainIdentity, "staff-hrb", "staff-HRB", () -> mainTasks.complete(
                task(mainTasks, day.getId(), "OpenSession").getId(), Map.of("supervisorOnSite", true, "sessionStartedAt",
                        java.time.OffsetDateTime.now().withNano(0).toString())));
        String mainSession = main.bean(SeatBookings.class).sessionsOf(id).get(0).sessionCode();
        org.camunda.bpm.engine.runtime.ProcessInstance venue = await().atMost(CROSSING).until(() -> main
                .bean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey("venue-duties").processInstanceBusinessKey(id).singleResult(), p -> p != null);
        cn.hlj.remoteeval.testsupport.EngineActor.as(mainIdentity, "staff-hrb", List.of("staff-HRB", "venue-" + mainSession), () -> {
            mainTasks.complete(task(mainTasks, venue.getId(), "PrepareWorkstations").getId(), Map.of("workstationsReady", true));
            mainTasks.complete(task(mainTasks, venue.getId(), "ConnectAudioVideo").getId(), Map.of("audioVideoConnected", true));
            mainTasks.complete(task(mainTasks, venue.getId(), "ArrangeMealsAndLodging").getId(),
                    Map.of("mealsAndLodgingArranged", true));
            mainTasks.complete(task(mainTasks, venue.getId(), "VerifyExpertIdentities").getId(),
                    Map.of("expertsPresent", 1L, "noShowSeats", "", "identitiesVerified", true));
            mainTasks.complete(task(mainTasks, venue.getId(), "SignReport").getId(), Map.of("reportSigned", true));
        });
        assertThat(state(main, id)).as("the day waits for the host's session").isEqualTo("EVALUATING");

        String clue = "金丝雀线索" + java.util.UUID.randomUUID();
        org.camunda.bpm.engine.ManagementService hostJobs = host.bean(org.camunda.bpm.engine.ManagementService.class);
        hostJobs.executeJob(hostJobs.createJobQuery().processInstanceId(hosted.getId()).timers().singleResult().getId());
        org.camunda.bpm.engine.TaskService hostTasks = host.bean(org.camunda.bpm.engine.TaskService.class);
        cn.hlj.remoteeval.testsupport.EngineActor.as(host.bean(org.camunda.bpm.engine.IdentityService.class),
                "staff-" + hostCenter.toLowerCase(), List.of("staff-" + hostCenter, "venue-" + hostSession), () -> {
                    Map<String, Map<String, Object>> steps = new java.util.LinkedHashMap<>();
                    steps.put("PrepareWorkstations", Map.of("workstationsReady", true));
                    steps.put("ConnectAudioVideo", Map.of("audioVideoConnected", true));
                    steps.put("VerifyExpertIdentities", Map.of("expertsPresent", 4L, "identitiesVerified", true));
                    steps.put("ArrangeMealsAndLodging", Map.of("mealsAndLodgingArranged", true));
                    steps.put("OpenHostedSession", Map.of("sessionOpened", true));
                    steps.put("SignReport", Map.of("reportSigned", true));
                    steps.forEach((step, variables) -> hostTasks.complete(task(hostTasks, hosted.getId(), step).getId(),
                            variables));
                    hostTasks.complete(task(hostTasks, hosted.getId(), "PassOnClue").getId(), Map.of("category",
                            "EXPERT_MISCONDUCT", "foundOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
                            "sealedClueDescription", clue));
                    hostTasks.complete(task(hostTasks, hosted.getId(), "CloseHostedSession").getId(),
                            Map.of("sessionClosed", true));
                });
        awaitState(main, id, "HANDING_OVER");
        Map<String, Object> progress = main.jdbc().sql("SELECT started_at, ended_at, signed_at, signature_count "
                + "FROM partner_session_progress WHERE tender_id = ?").param(id).query().singleRow();
        assertThat(progress.get("STARTED_AT")).isNotNull();
        assertThat(progress.get("SIGNED_AT")).isNotNull();
        assertThat(((Number) progress.get("SIGNATURE_COUNT")).intValue()).isEqualTo(4);
        await().atMost(CROSSING).until(() -> main.jdbc().sql("SELECT ended_at FROM partner_session_progress WHERE tender_id = ?")
                .param(id).query(java.sql.Timestamp.class).optional().isPresent());
        // The clue reaches the main venue's own clue process, which reports it on.
        await().atMost(CROSSING).until(() -> main.bean(org.camunda.bpm.engine.RuntimeService.class)
                .createProcessInstanceQuery().processDefinitionKey("clue-report").processInstanceBusinessKey(id).count() == 1);

        // The host's material: handed over as a task of its staff, verified and receipted at the main venue.
        org.camunda.bpm.engine.runtime.ProcessInstance leg = await().atMost(CROSSING).until(() -> main
                .bean(org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
                .processDefinitionKey(cn.hlj.remoteeval.handover.HandoverProcesses.AV_HANDOVER_LEG)
                .processInstanceBusinessKey(id).singleResult(), p -> p != null);
        String sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        cn.hlj.remoteeval.testsupport.EngineActor.as(host.bean(org.camunda.bpm.engine.IdentityService.class),
                "staff-" + hostCenter.toLowerCase(), List.of("staff-" + hostCenter, "venue-" + hostSession),
                () -> hostTasks.complete(task(hostTasks, hosted.getId(), "HandOverMaterial").getId(), Map.of("medium",
                        "DISC", "handedOverAt", java.time.OffsetDateTime.now().withNano(0).toString(), "sealedItems",
                        "全程录像.mp4," + sha)));
        org.camunda.bpm.engine.task.Task receipt = task(mainTasks, leg.getId(), "ConfirmReceipt");
        Map<String, Object> handover = main.jdbc().sql("SELECT state, medium, handed_by FROM av_handover WHERE tender_id = ? "
                + "AND leg_ref = ?").params(id, hostSession).query().singleRow();
        assertThat(handover.get("STATE")).isEqualTo("HANDED_OVER");
        assertThat(handover.get("MEDIUM")).isEqualTo("OPTICAL_DISC");
        assertThat(handover.get("HANDED_BY")).isEqualTo("exchange:" + host.province());
        cn.hlj.remoteeval.testsupport.EngineActor.as(mainIdentity, "staff-hrb", "staff-HRB", () -> mainTasks.complete(
                receipt.getId(), Map.of("checksumsVerified", true, "receivedAt",
                        java.time.OffsetDateTime.now().withNano(0).toString())));
        await().atMost(CROSSING).until(() -> host.jdbc().sql("SELECT received_count FROM hosting_handover "
                + "WHERE hosting_id = ?").param(hostingId).query(Integer.class).optional().orElse(0) == 1);
        await().atMost(CROSSING).until(() -> host.bean(org.camunda.bpm.engine.RuntimeService.class)
                .createProcessInstanceQuery().processInstanceId(hosted.getId()).count() == 0);
        await().atMost(CROSSING).until(() -> main.bean(org.camunda.bpm.engine.RuntimeService.class)
                .createProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(cn.hlj.remoteeval.handover.HandoverProcesses.AV_HANDOVER_TENDERER_LEG).count() == 1);

        // Canary: what crossed, either way, names no expert of either side, not the hosting center, not the clue.
        List<String> secrets = new java.util.ArrayList<>(List.of("\"" + hostCenter + "\"", clue, host.bean(
                cn.hlj.remoteeval.venue.TradingCenters.class).find(hostCenter).orElseThrow().name()));
        secrets.addAll(expertsOf(main, ours));
        secrets.addAll(expertsOf(host, theirs));
        List<String> crossed = new java.util.ArrayList<>();
        for (Side side : List.of(main, host)) {
            crossed.addAll(side.jdbc().sql("SELECT received FROM exchange_inbox WHERE correlation_id = ?").param(id)
                    .query(String.class).list());
            crossed.addAll(side.jdbc().sql("SELECT body FROM exchange_outbox WHERE correlation_id = ?").param(id)
                    .query(String.class).list());
        }
        // Request, offer, acceptance, draw request and result, start, signatures, clue, end, material, receipt: each twice.
        assertThat(crossed).hasSizeGreaterThanOrEqualTo(2 * 11);
        for (String secret : secrets) {
            assertThat(crossed).as("nothing that crossed names %s", secret).noneMatch(text -> text.contains(secret));
        }
        for (Side side : List.of(main, host)) {
            assertThat(side.jdbc().sql("SELECT COUNT(*) FROM exchange_inbox WHERE correlation_id = ? AND state <> 'HANDLED'")
                    .param(id).query(Long.class).single()).as("every message handled on both sides").isZero();
        }
    }

    /** Accepts the invitations of the holder's (tender's or hosting's) seats on the answer page, as each expert would. */
    private List<String> acceptInvitations(Side side, String holder, int count) {
        List<String> seats = await().atMost(CROSSING).until(() -> side.jdbc().sql("SELECT id FROM committee_seat "
                + "WHERE tender_id = ? AND state = 'INVITED' ORDER BY seat_no").param(holder).query(String.class).list(),
                list -> list.size() == count);
        cn.hlj.remoteeval.security.PersonalDataCipher cipher = side.bean(cn.hlj.remoteeval.security.PersonalDataCipher.class);
        for (String seat : seats) {
            String sms = cipher.decrypt(await().atMost(CROSSING).until(() -> side.jdbc().sql("SELECT text_enc FROM sms_outbox "
                    + "WHERE idempotency_key = ?").param("invite:" + seat).query(String.class).optional().orElse(null),
                    text -> text != null));
            java.util.regex.Matcher code = java.util.regex.Pattern.compile("“1 ([0-9A-Z]{12})”").matcher(sms);
            assertThat(code.find()).as(sms).isTrue();
            PartnerInstance.Answer answered = side.call("POST", "demo", "/api/expert-invitations/" + code.group(1)
                    + "/answer", "{\"answer\":\"ACCEPT\"}");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        }
        return seats;
    }

    /** The name, mobile and reference of each seat's expert, as that side's pool holds them. */
    private static List<String> expertsOf(Side side, List<String> seats) {
        List<String> terms = new java.util.ArrayList<>();
        for (String seat : seats) {
            String ref = side.jdbc().sql("SELECT expert_ref FROM committee_seat WHERE id = ?").param(seat)
                    .query(String.class).single();
            cn.hlj.remoteeval.expert.ExpertContacts.ExpertContact contact = side.bean(cn.hlj.remoteeval.expert.ExpertContacts.class)
                    .contactOf(ref).orElseThrow();
            terms.addAll(List.of(ref, contact.name(), contact.mobile()));
        }
        return terms;
    }

    /** One province's application as the test reaches it: its database, its beans, its HTTP API. */
    private record Side(String province, org.springframework.context.ApplicationContext context, JdbcClient jdbc, int port) {

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        PartnerInstance.Answer call(String method, String user, String path, String json) {
            return PartnerInstance.call(port, method, user, path, json);
        }
    }

    private Side here() {
        return new Side("HL", context, jdbc, port);
    }

    private Side there() {
        return new Side(partner.province(), partner.context(), partner.jdbc(), partner.port());
    }

    private static org.camunda.bpm.engine.task.Task task(org.camunda.bpm.engine.TaskService tasks, String processInstanceId,
            String key) {
        return await().atMost(CROSSING).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(key).singleResult(), t -> t != null);
    }

    private String state(Side side, String id) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(side.call("GET", "staff-hrb", "/api/tenders/" + id, null)
                .body()).get("state").asText();
    }

    private void awaitState(Side side, String id, String wanted) {
        await().atMost(CROSSING).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(state(side, id)).isEqualTo(wanted));
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
