package cn.hlj.remoteeval.crossprovince.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * A partner's messages are handled in its sequence order and once, whatever the network does: a
 * message that arrives before the one it follows waits for it; one delivered twice is kept and handled
 * once; one this province cannot handle becomes a dead letter after its attempts, the partner's later
 * messages wait behind it, and they go on once an operator skips it.
 */
@RemoteEvalIntegrationTest
class ExchangeOrderingIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final Duration HANDLING = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    private final String partner = "Y" + new SecureRandom().ints(5, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private final NationalCrypto.KeyPair partnerKeys = CRYPTO.newKeyPair();
    private EnvelopeSealing partnerSide;

    @BeforeEach
    void connectThePartner() {
        // Its node is unreachable: this province's answers (offers) queue for it and are removed afterwards.
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
    void aMessageThatArrivesEarlyWaitsForTheOneBeforeItAndADeliveryAgainIsHandledOnce() throws Exception {
        LocalDate date = OwnPeriods.freshDate();
        String first = "REF-" + UUID.randomUUID();
        String second = "REF-" + UUID.randomUUID();
        byte[] one = partnerSide.wire(request(1, first, date));
        byte[] two = partnerSide.wire(request(2, second, date));

        deliver(two).andExpect(status().isAccepted());
        deliver(two).andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));
        // Give the handling every chance to jump the gap: it must not.
        Thread.sleep(3000);
        assertThat(inboxState(2)).isEqualTo("RECEIVED");
        assertThat(hostings(second)).isZero();

        deliver(one).andExpect(status().isAccepted());
        await().atMost(HANDLING).until(() -> "HANDLED".equals(inboxState(2)));
        assertThat(inboxState(1)).isEqualTo("HANDLED");
        assertThat(hostings(first)).isOne();
        assertThat(hostings(second)).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_inbox WHERE sender = ?").param(partner).query(Long.class).single())
                .isEqualTo(2);
        // The partner was answered in the same order: its offers are numbered 1 and 2 of this province's sequence to it.
        assertThat(jdbc.sql("SELECT correlation_id FROM exchange_outbox WHERE receiver = ? AND message_type = 'SUB_VENUE_OFFER' "
                + "ORDER BY sequence_no").param(partner).query(String.class).list()).containsExactly(first, second);
    }

    @Test
    void aMessageThatCannotBeHandledBecomesADeadLetterAndTheNextWaitsUntilAnOperatorSkipsIt() throws Exception {
        LocalDate date = OwnPeriods.freshDate();
        byte[] one = partnerSide.wire(partnerSide.seal(MessageType.SESSION_STARTED, UUID.randomUUID().toString(), "REF-x",
                "HL", 1, ExchangeExamples.bodies().get(MessageType.SESSION_STARTED), null, NationalCrypto.publicKeyOf(ourPrivateKey)));
        String ref = "REF-" + UUID.randomUUID();
        byte[] two = partnerSide.wire(request(2, ref, date));

        deliver(one).andExpect(status().isAccepted());
        deliver(two).andExpect(status().isAccepted());
        await().atMost(HANDLING).until(() -> "FAILED".equals(inboxState(1)));
        assertThat(jdbc.sql("SELECT last_error FROM exchange_inbox WHERE sender = ? AND sequence_no = 1").param(partner)
                .query(String.class).single()).contains("没有贵省的场次");
        assertThat(inboxState(2)).isEqualTo("RECEIVED");
        assertThat(hostings(ref)).isZero();

        String messageId = jdbc.sql("SELECT message_id FROM exchange_inbox WHERE sender = ? AND sequence_no = 1").param(partner)
                .query(String.class).single();
        api.post("staff-hrb", "/api/exchange/partners/" + partner + "/skip", Map.of("sequence", 1, "messageId", messageId))
                .andExpect(status().isForbidden());
        api.post("demo", "/api/exchange/partners/" + partner + "/skip", Map.of("sequence", 2))
                .andExpect(status().isConflict());
        api.post("demo", "/api/exchange/partners/" + partner + "/skip", Map.of("sequence", 1, "messageId", messageId))
                .andExpect(status().isAccepted());

        await().atMost(HANDLING).until(() -> "HANDLED".equals(inboxState(2)));
        assertThat(inboxState(1)).isEqualTo("SKIPPED");
        assertThat(hostings(ref)).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'EXCHANGE_SEQUENCE_SKIPPED' AND subject_id = ?")
                .param(partner).query(Long.class).single()).isOne();
    }

    private Envelope request(long sequence, String tenderRef, LocalDate date) {
        ObjectNode body = ExchangeExamples.JSON.createObjectNode();
        body.put("tenderRef", tenderRef);
        body.put("evaluationDate", date.toString());
        body.put("halfDay", "PM");
        body.put("seats", 1);
        return partnerSide.seal(MessageType.SUB_VENUE_REQUEST, UUID.randomUUID().toString(), tenderRef, "HL", sequence, body,
                null, NationalCrypto.publicKeyOf(ourPrivateKey));
    }

    private String inboxState(long sequence) {
        return jdbc.sql("SELECT state FROM exchange_inbox WHERE sender = ? AND sequence_no = ?").params(partner, sequence)
                .query(String.class).optional().orElse(null);
    }

    private long hostings(String tenderRef) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_hosting WHERE partner_province = ? AND partner_tender_ref = ?")
                .params(partner, tenderRef).query(Long.class).single();
    }

    private ResultActions deliver(byte[] body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/exchange/v1/messages").contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
