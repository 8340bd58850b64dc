package cn.hlj.remoteeval.crossprovince.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * A partner province delivering to {@code /exchange/v1/messages} without any login: a signed message is
 * accepted and kept once, delivered again it gets the first answer and is not kept twice; a changed one,
 * one from a province without a registered key and one that is not JSON are refused with their reason,
 * recorded, and keep nothing.
 */
@RemoteEvalIntegrationTest
class ExchangeInboxIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    /** A province code of its own (letters only, as the envelope's schema requires). */
    private final String partner = "Z" + new SecureRandom().ints(5, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private final NationalCrypto.KeyPair partnerKeys = CRYPTO.newKeyPair();
    private EnvelopeSealing partnerSide;

    @BeforeEach
    void registerThePartnerWithItsKey() {
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, last_step_on, version, "
                + "registered_by, registered_at, exchange_public_key) VALUES (?, '测试省', 'NEGOTIATING', ?, ?, 0, 'test', ?, ?)")
                .params(partner, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), java.sql.Timestamp.from(Instant.now()),
                        partnerKeys.publicKey())
                .update();
        partnerSide = new EnvelopeSealing(partner, partnerKeys.privateKey(), Duration.ofMinutes(10), CRYPTO,
                new ExchangeSchemas(), code -> Optional.empty(), (sender, id, at) -> true, (id, sender, r, d, at) -> {
                }, Clock.systemUTC(), ExchangeExamples.JSON);
    }

    @AfterEach
    void removeThePartner() {
        // A bare row without its history: no other test may meet it in the register.
        jdbc.sql("DELETE FROM partner_province WHERE code = ?").param(partner).update();
    }

    private Envelope offer() {
        return partnerSide.seal(MessageType.SUB_VENUE_OFFER, UUID.randomUUID().toString(), "T-inbox", "HL", 1,
                ExchangeExamples.bodies().get(MessageType.SUB_VENUE_OFFER), null, NationalCrypto.publicKeyOf(ourPrivateKey));
    }

    @Test
    void aSignedMessageIsAcceptedOnceAndADeliveryAgainGetsTheFirstAnswer() throws Exception {
        Envelope offer = offer();
        byte[] wire = partnerSide.wire(offer);

        deliver(wire).andExpect(status().isAccepted()).andExpect(jsonPath("$.messageId").value(offer.messageId()))
                .andExpect(jsonPath("$.answer").value("已接收：副场安排")).andExpect(jsonPath("$.duplicate").value(false));
        deliver(wire).andExpect(status().isOk()).andExpect(jsonPath("$.answer").value("已接收：副场安排"))
                .andExpect(jsonPath("$.duplicate").value(true));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_inbox WHERE sender = ? AND message_id = ?")
                .params(partner, offer.messageId()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT message_type FROM exchange_inbox WHERE sender = ? AND message_id = ?")
                .params(partner, offer.messageId()).query(String.class).single()).isEqualTo("SUB_VENUE_OFFER");
    }

    @Test
    void aChangedMessageAStrangersAndNonsenseAreRefusedWithTheirReasonAndKeepNothing() throws Exception {
        Envelope offer = offer();
        ObjectNode changed = offer.toJson(true);
        ((ObjectNode) changed.get("body").get("sessions").get(0)).put("seats", 9);
        deliver(ExchangeExamples.JSON.writeValueAsBytes(changed)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reason").value("BAD_SIGNATURE"));
        assertThat(refusals(offer.messageId())).isEqualTo(1);

        jdbc.sql("UPDATE partner_province SET exchange_public_key = NULL WHERE code = ?").param(partner).update();
        Envelope unkeyed = offer();
        deliver(partnerSide.wire(unkeyed)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reason").value("UNKNOWN_SENDER"));
        assertThat(refusals(unkeyed.messageId())).isEqualTo(1);

        deliver("{\"hello\":".getBytes()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("MALFORMED"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_inbox WHERE sender = ?").param(partner).query(Long.class).single())
                .isZero();
        // The genuine message was not used up by its changed copy.
        jdbc.sql("UPDATE partner_province SET exchange_public_key = ? WHERE code = ?").params(partnerKeys.publicKey(), partner)
                .update();
        deliver(partnerSide.wire(offer)).andExpect(status().isAccepted());
    }

    @Test
    void aPingIsAnsweredAtOnceKeptNowhereRefusedAsReplayAgainAndTakesNoSequenceNumber() throws Exception {
        Envelope ping = partnerSide.seal(MessageType.PING, UUID.randomUUID().toString(), "JT-inbox", "HL", 0,
                ExchangeExamples.bodies().get(MessageType.PING), null, null);
        byte[] wire = partnerSide.wire(ping);

        deliver(wire).andExpect(status().isAccepted()).andExpect(jsonPath("$.answer").value("PONG:3f2a9c0e5b7d4a61"))
                .andExpect(jsonPath("$.duplicate").value(false));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_inbox WHERE sender = ?").param(partner).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_peer_sequence WHERE peer = ?").param(partner).query(Long.class)
                .single()).isZero();
        // No first answer is kept for a PING: delivered again, it is a replay.
        deliver(wire).andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.reason").value("REPLAY"));

        // Sequence 0 is the PING's, and only the PING's: a numbered PING (as the outbox would number it, which
        // its schema check refuses) and a business message numbered 0 are not the message set.
        Envelope numbered = partnerSide.seal(MessageType.PING, UUID.randomUUID().toString(), "JT-inbox", "HL", 1,
                ExchangeExamples.bodies().get(MessageType.PING), null, null);
        deliver(partnerSide.wire(numbered)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("MALFORMED"));
        Envelope zero = partnerSide.seal(MessageType.SUB_VENUE_OFFER, UUID.randomUUID().toString(), "T-inbox", "HL", 0,
                ExchangeExamples.bodies().get(MessageType.SUB_VENUE_OFFER), null, null);
        deliver(partnerSide.wire(zero)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.reason").value("MALFORMED"));
        // The partner's first business message still has its number 1.
        deliver(partnerSide.wire(offer())).andExpect(status().isAccepted());
    }

    private long refusals(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_refusal WHERE message_id = ?").param(messageId).query(Long.class).single();
    }

    private ResultActions deliver(byte[] body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/exchange/v1/messages").contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
