package cn.hlj.remoteeval.crossprovince.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.crossprovince.exchange.Envelope;
import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.testsupport.ExpertInvitations;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * This province as sub-venue draws its experts for a partner's hosted session through the real inbox, pool,
 * SMS outbox, answer page, engine and outbox: the partner's EXPERT_DRAW_REQUEST invites our experts by SMS,
 * their acceptances go back as EXPERT_DRAW_RESULT with seat references and states only, the signed report as
 * SIGNATURES_COLLECTED; the partner's cancellation cancels the invitations; a request for another session is a
 * dead letter.
 */
@RemoteEvalIntegrationTest
class HostedExpertDrawExchangeIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final Duration HANDLING = Duration.ofSeconds(60);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ExpertInvitations invitations;
    @Autowired
    ExpertContacts contacts;
    @Autowired
    cn.hlj.remoteeval.testsupport.Api api;
    @Autowired
    cn.hlj.remoteeval.testsupport.ControllableClock clock;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    private final String partner = "Y" + new SecureRandom().ints(5, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private final NationalCrypto.KeyPair partnerKeys = CRYPTO.newKeyPair();
    private final String tenderRef = "T-" + UUID.randomUUID();
    private EnvelopeSealing partnerSide;
    private long sequence;

    @BeforeEach
    void connectThePartner() {
        // Its node answers nothing: what this province sends it stays queued in the outbox, where the test reads it.
        PartnerInstance.register(jdbc, partner, partnerKeys.publicKey(), "http://127.0.0.1:9/exchange/v1/messages");
        partnerSide = new EnvelopeSealing(partner, partnerKeys.privateKey(), Duration.ofMinutes(10), CRYPTO,
                new ExchangeSchemas(), code -> Optional.empty(), (sender, id, at) -> true, (id, sender, r, d, at) -> {
                }, Clock.systemUTC(), json);
    }

    @AfterEach
    void disconnect() {
        jdbc.sql("UPDATE partner_hosting SET state = 'CANCELLED', active_marker = NULL, cancelled_by = 'test', "
                + "cancelled_at = CURRENT_TIMESTAMP WHERE partner_province = ? AND state = 'ACTIVE'").param(partner).update();
        jdbc.sql("DELETE FROM exchange_outbox WHERE receiver = ?").param(partner).update();
        PartnerInstance.unregister(jdbc, partner);
    }

    @Test
    void thePartnersRequestInvitesOurExpertsAndTheirAcceptancesAndSignaturesGoBackWithoutAName() throws Exception {
        String session = hostedSession(2);
        String hostingId = hostingId();

        deliver(MessageType.EXPERT_DRAW_REQUEST, drawRequest(session, "S-1", "A0101", "S-2", "B02"));

        List<String> invited = await().atMost(HANDLING).until(() -> invited(hostingId), seats -> seats.size() == 2);
        for (String seatId : invited) {
            String sms = invitations.sms(seatId);
            assertThat(sms).contains("评标时间").contains("报到地点").doesNotContain(tenderRef).doesNotContain(session);
            answerOnThePage(invitations.replyCode(seatId));
            assertThat(invitations.stateOf(seatId)).isEqualTo("ACCEPTED");
        }

        JsonNode result = await().atMost(HANDLING).until(() -> queued(MessageType.EXPERT_DRAW_RESULT), r -> r != null);
        assertThat(result).isEqualTo(json.readTree("{\"sessionRef\":\"" + session + "\",\"seats\":["
                + "{\"seatRef\":\"S-1\",\"state\":\"CONFIRMED\"},{\"seatRef\":\"S-2\",\"state\":\"CONFIRMED\"}]}"));
        for (String seatId : invited) {
            String expertRef = jdbc.sql("SELECT expert_ref FROM committee_seat WHERE id = ?").param(seatId)
                    .query(String.class).single();
            ExpertContacts.ExpertContact contact = contacts.contactOf(expertRef).orElseThrow();
            assertThat(result.toString()).doesNotContain(contact.name()).doesNotContain(contact.mobile())
                    .doesNotContain(expertRef);
        }
        assertThat(jdbc.sql("SELECT state FROM hosting_expert_seat WHERE hosting_id = ? ORDER BY seat_no").param(hostingId)
                .query(String.class).list()).containsExactly("CONFIRMED", "CONFIRMED");

        Instant signedAt = Instant.parse("2030-01-01T04:05:06Z");
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new HostedReportSigned(hostingId, signedAt)));

        JsonNode signatures = await().atMost(HANDLING).until(() -> queued(MessageType.SIGNATURES_COLLECTED), r -> r != null);
        assertThat(signatures.get("sessionRef").asText()).isEqualTo(session);
        assertThat(signatures.get("seats")).hasSize(2);
        assertThat(signatures.get("seats").findValuesAsText("seatRef")).containsExactlyInAnyOrder("S-1", "S-2");
        assertThat(signatures.get("seats").findValuesAsText("signedAt")).containsOnly("2030-01-01T04:05:06Z");
        assertThat(signatures.get("seats").findValuesAsText("signatureRef")).doesNotHaveDuplicates()
                .allMatch(ref -> ref.matches("SIG-[0-9a-f]{32}"));
    }

    @Test
    void onTheDayTheHostingCentersStaffSeeTheHostedSessionsExpertsForIdentityChecksAndNoOneElseDoes() throws Exception {
        String session = hostedSession(2);
        String hostingId = hostingId();
        Map<String, Object> hosting = jdbc.sql("SELECT center_code, eval_date FROM partner_hosting WHERE id = ?")
                .param(hostingId).query().singleRow();
        String center = (String) hosting.get("CENTER_CODE");
        java.time.LocalDate day = ((java.sql.Date) hosting.get("EVAL_DATE")).toLocalDate();
        deliver(MessageType.EXPERT_DRAW_REQUEST, drawRequest(session, "S-1", "A0101", "S-2", "B02"));
        List<String> seats = await().atMost(HANDLING).until(() -> invited(hostingId), list -> list.size() == 2);
        List<String> names = seats.stream().map(seat -> contacts.contactOf(jdbc.sql("SELECT expert_ref FROM committee_seat "
                + "WHERE id = ?").param(seat).query(String.class).single()).orElseThrow().name()).toList();
        String path = "/api/centers/" + center + "/sessions/" + session + "/experts";
        String staff = "staff-" + center.toLowerCase();
        String otherStaff = center.equals("HRB") ? "staff-qqhr" : "staff-hrb";

        api.get(staff, path).andExpect(status().isConflict());
        clock.set(day.atTime(8, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        try {
            JsonNode experts = api.read(api.get(staff, path).andExpect(status().isOk()));
            assertThat(experts).extracting(e -> e.get("name").asText()).containsExactlyInAnyOrderElementsOf(names);
            api.get(otherStaff, path).andExpect(status().isForbidden());
            api.post(staff, "/api/centers/" + center + "/sessions/" + session + "/no-shows", Map.of("seat", 1))
                    .andExpect(status().isConflict());
        } finally {
            clock.reset();
        }
    }

    @Test
    void thePartnersCancellationCancelsTheOpenInvitationsAndTellsTheExperts() throws Exception {
        String session = hostedSession(1);
        String hostingId = hostingId();
        deliver(MessageType.EXPERT_DRAW_REQUEST, drawRequest(session, "S-1", "A0101"));
        String seatId = await().atMost(HANDLING).until(() -> invited(hostingId), seats -> seats.size() == 1).get(0);

        ObjectNode cancellation = json.createObjectNode().put("reason", "项目终止");
        deliver(MessageType.CANCELLATION, cancellation);

        await().atMost(HANDLING).until(() -> "CANCELLED".equals(invitations.stateOf(seatId)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE idempotency_key = ?").param("cancel:" + seatId)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT state FROM hosting_expert_seat WHERE hosting_id = ?").param(hostingId)
                .query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(hostingId).count()).isZero();
        assertThat(queued(MessageType.EXPERT_DRAW_RESULT)).isNull();
    }

    @Test
    void aRequestForASessionThatIsNotTheOneOfferedBecomesADeadLetterAndDrawsNoOne() throws Exception {
        hostedSession(1);
        String hostingId = hostingId();

        long number = deliver(MessageType.EXPERT_DRAW_REQUEST, drawRequest("RS-NOT-OURS", "S-1", "A0101"));

        await().atMost(HANDLING).until(() -> "FAILED".equals(inbox(number, "state")));
        assertThat(inbox(number, "last_error")).contains("RS-NOT-OURS").contains("不是本省为该项目提供的场次");
        assertThat(invited(hostingId)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hosting_expert_seat WHERE hosting_id = ?").param(hostingId)
                .query(Long.class).single()).isZero();
    }

    /** The partner asks for sub-venue seats and is offered a session: its opaque code. */
    private String hostedSession(int seats) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.put("tenderRef", tenderRef);
        body.put("evaluationDate", OwnPeriods.freshDate().toString());
        body.put("halfDay", "PM");
        body.put("seats", seats);
        deliver(MessageType.SUB_VENUE_REQUEST, body);
        JsonNode offer = await().atMost(HANDLING).until(() -> queued(MessageType.SUB_VENUE_OFFER), o -> o != null);
        return offer.get("sessions").get(0).get("sessionRef").asText();
    }

    private ObjectNode drawRequest(String session, String... refsAndSpecialties) {
        ObjectNode body = json.createObjectNode();
        body.put("sessionRef", session);
        var seats = body.putArray("seats");
        for (int i = 0; i < refsAndSpecialties.length; i += 2) {
            seats.addObject().put("seatRef", refsAndSpecialties[i]).put("specialtyCode", refsAndSpecialties[i + 1]);
        }
        body.putArray("excludedOrganisations").add("某某建设集团有限公司").add("示例单位07");
        return body;
    }

    private long deliver(MessageType type, JsonNode body) throws Exception {
        long number = ++sequence;
        Envelope envelope = partnerSide.seal(type, UUID.randomUUID().toString(), tenderRef, "HL", number, body, null,
                NationalCrypto.publicKeyOf(ourPrivateKey));
        mvc.perform(MockMvcRequestBuilders.post("/exchange/v1/messages").contentType(MediaType.APPLICATION_JSON)
                .content(partnerSide.wire(envelope))).andExpect(status().isAccepted());
        return number;
    }

    private void answerOnThePage(String replyCode) throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/r/" + replyCode).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("answer", "ACCEPT")).andExpect(status().isOk());
    }

    private String hostingId() {
        return await().atMost(HANDLING).until(() -> jdbc.sql("SELECT id FROM partner_hosting WHERE partner_province = ? "
                + "AND partner_tender_ref = ?").params(partner, tenderRef).query(String.class).optional().orElse(null),
                id -> id != null);
    }

    private List<String> invited(String hostingId) {
        return jdbc.sql("SELECT id FROM committee_seat WHERE tender_id = ? AND state = 'INVITED' ORDER BY seat_no")
                .param(hostingId).query(String.class).list();
    }

    private JsonNode queued(MessageType type) throws Exception {
        Optional<String> body = jdbc.sql("SELECT body FROM exchange_outbox WHERE receiver = ? AND message_type = ? "
                + "ORDER BY sequence_no").params(partner, type.name()).query(String.class).list().stream().findFirst();
        return body.isEmpty() ? null : json.readTree(body.get());
    }

    private String inbox(long number, String column) {
        return jdbc.sql("SELECT " + column + " FROM exchange_inbox WHERE sender = ? AND sequence_no = ?")
                .params(partner, number).query(String.class).optional().orElse(null);
    }
}
