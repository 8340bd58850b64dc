package cn.hlj.remoteeval.crossprovince.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hlj.remoteeval.testsupport.ControllableClock;

/**
 * The envelope between two provinces, each with its own keys, register and records: what one seals the
 * other opens, and every refusal of message set 1 is refused for its reason and recorded.
 */
class EnvelopeSealingUnitTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final NationalCrypto.KeyPair HL_KEYS = CRYPTO.newKeyPair();
    private static final NationalCrypto.KeyPair JL_KEYS = CRYPTO.newKeyPair();
    private static final NationalCrypto.KeyPair STRANGER_KEYS = CRYPTO.newKeyPair();
    private static final ExchangeSchemas SCHEMAS = new ExchangeSchemas();

    private final ControllableClock clock = new ControllableClock();

    {
        clock.set(Instant.parse("2027-03-01T02:00:00Z"));
    }
    private final Province hl = new Province("HL", HL_KEYS.privateKey(), Map.of("JL", JL_KEYS.publicKey()));
    private final Province jl = new Province("JL", JL_KEYS.privateKey(), Map.of("HL", HL_KEYS.publicKey()));

    /** One side of the exchange with in-memory records. */
    private final class Province {

        final List<RefusalReason> refusals = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Map<String, String> partnerKeys;
        final EnvelopeSealing sealing;

        Province(String code, String privateKey, Map<String, String> partnerKeys) {
            this.partnerKeys = new HashMap<>(partnerKeys);
            this.sealing = new EnvelopeSealing(code, privateKey, Duration.ofMinutes(10), CRYPTO, SCHEMAS,
                    sender -> Optional.ofNullable(this.partnerKeys.get(sender)),
                    (sender, id, at) -> seen.add(sender + "/" + id),
                    (id, sender, reason, detail, at) -> refusals.add(reason), clock, ExchangeExamples.JSON);
        }
    }

    private Envelope fromJlToHl(MessageType type, JsonNode body, JsonNode secret) {
        // A PING takes no number of the sequence (0); every other message is numbered from 1.
        return jl.sealing.seal(type, UUID.randomUUID().toString(), "T-8f2c", "HL", type == MessageType.PING ? 0 : 1, body,
                secret, HL_KEYS.publicKey());
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyMessageOfTheSetCrossesSignedAndOpensWithItsBody(MessageType type) {
        JsonNode body = ExchangeExamples.bodies().get(type);
        Envelope sent = fromJlToHl(type, body, null);

        EnvelopeSealing.Opened opened = hl.sealing.open(jl.sealing.wire(sent));

        assertThat(opened.envelope().type()).isEqualTo(type);
        assertThat(opened.envelope().body()).isEqualTo(body);
        assertThat(opened.envelope().sender()).isEqualTo("JL");
        assertThat(opened.secret()).isNull();
        assertThat(hl.refusals).isEmpty();
    }

    @Test
    void aSealedPartIsReadByTheReceiverAndByNobodyOnTheWay() throws Exception {
        JsonNode secret = ExchangeExamples.JSON.readTree("{\"experts\":[{\"seatRef\":\"S-1\",\"name\":\"王某某\"}]}");
        Envelope sent = fromJlToHl(MessageType.EXPERT_DRAW_RESULT, ExchangeExamples.bodies().get(MessageType.EXPERT_DRAW_RESULT),
                secret);
        byte[] wire = jl.sealing.wire(sent);

        assertThat(new String(wire, StandardCharsets.UTF_8)).doesNotContain("王某某").doesNotContain("name");
        assertThat(hl.sealing.open(wire).secret()).isEqualTo(secret);

        // A node holding another private key (the wrong receiver's, or an eavesdropper's) cannot open it.
        Province impostor = new Province("HL", STRANGER_KEYS.privateKey(), Map.of("JL", JL_KEYS.publicKey()));
        assertRefused(impostor, wire, RefusalReason.UNSEALABLE);
    }

    @Test
    void aChangedBodyFailsTheSignatureAndDoesNotUseUpTheMessageId() throws Exception {
        Envelope sent = fromJlToHl(MessageType.SUB_VENUE_OFFER, ExchangeExamples.bodies().get(MessageType.SUB_VENUE_OFFER), null);
        ObjectNode tampered = sent.toJson(true);
        ((ObjectNode) tampered.get("body").get("sessions").get(0)).put("seats", 3);

        assertRefused(hl, ExchangeExamples.JSON.writeValueAsBytes(tampered), RefusalReason.BAD_SIGNATURE);
        assertThat(hl.sealing.open(jl.sealing.wire(sent)).envelope().messageId()).isEqualTo(sent.messageId());
    }

    @Test
    void aMessageSignedWithAnotherKeyThanTheRegisteredOneIsRefused() {
        Province forger = new Province("JL", STRANGER_KEYS.privateKey(), Map.of("HL", HL_KEYS.publicKey()));
        Envelope forged = forger.sealing.seal(MessageType.CANCELLATION, UUID.randomUUID().toString(), "T-8f2c", "HL", 1,
                ExchangeExamples.bodies().get(MessageType.CANCELLATION), null, HL_KEYS.publicKey());

        assertRefused(hl, forger.sealing.wire(forged), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void aSenderNotInTheRegisterOrWithoutAKeyIsRefused() {
        Envelope sent = fromJlToHl(MessageType.MOVE, ExchangeExamples.bodies().get(MessageType.MOVE), null);
        hl.partnerKeys.remove("JL");

        assertRefused(hl, jl.sealing.wire(sent), RefusalReason.UNKNOWN_SENDER);
    }

    @Test
    void aMessageForAnotherProvinceIsRefused() {
        Envelope sent = jl.sealing.seal(MessageType.MOVE, UUID.randomUUID().toString(), "T-8f2c", "LN", 1,
                ExchangeExamples.bodies().get(MessageType.MOVE), null, null);

        assertRefused(hl, jl.sealing.wire(sent), RefusalReason.WRONG_RECEIVER);
    }

    @Test
    void aMessageOutsideTheTimeWindowEitherWayIsRefused() {
        Envelope old = fromJlToHl(MessageType.MOVE, ExchangeExamples.bodies().get(MessageType.MOVE), null);
        clock.set(clock.instant().plus(Duration.ofMinutes(11)));
        assertRefused(hl, jl.sealing.wire(old), RefusalReason.STALE);

        clock.set(Instant.parse("2027-03-01T02:00:00Z"));
        Envelope early = fromJlToHl(MessageType.MOVE, ExchangeExamples.bodies().get(MessageType.MOVE), null);
        clock.set(Instant.parse("2027-03-01T01:49:00Z"));
        assertRefused(hl, jl.sealing.wire(early), RefusalReason.STALE);
    }

    @Test
    void aMessageSeenBeforeIsARefusedReplay() {
        byte[] wire = jl.sealing.wire(fromJlToHl(MessageType.CANCELLATION, ExchangeExamples.bodies().get(MessageType.CANCELLATION), null));
        hl.sealing.open(wire);

        assertRefused(hl, wire, RefusalReason.REPLAY);
    }

    @Test
    void aMessageOutsideTheMessageSetIsRefusedNamingTheFieldNotItsValue() throws Exception {
        ObjectNode missing = fromJlToHl(MessageType.MOVE, ExchangeExamples.bodies().get(MessageType.MOVE), null).toJson(true);
        missing.remove("sequence");
        EnvelopeRefused refused = refusal(hl, ExchangeExamples.JSON.writeValueAsBytes(missing));
        assertThat(refused.reason()).isEqualTo(RefusalReason.MALFORMED);
        assertThat(refused.getMessage()).contains("sequence");

        ObjectNode badBody = fromJlToHl(MessageType.SUB_VENUE_OFFER,
                ExchangeExamples.JSON.readTree("{\"sessions\":[{\"sessionRef\":\"哈尔滨市公共资源交易中心\",\"seats\":2}]}"), null)
                .toJson(true);
        refused = refusal(hl, ExchangeExamples.JSON.writeValueAsBytes(badBody));
        assertThat(refused.reason()).isEqualTo(RefusalReason.MALFORMED);
        assertThat(refused.getMessage()).contains("body/sessions/0/sessionRef").doesNotContain("哈尔滨");

        assertRefused(hl, "not json".getBytes(StandardCharsets.UTF_8), RefusalReason.MALFORMED);
        assertThat(hl.refusals).containsExactly(RefusalReason.MALFORMED, RefusalReason.MALFORMED, RefusalReason.MALFORMED);
    }

    @Test
    void aKeyPairsPublicHalfFollowsFromItsPrivateHalf() {
        assertThat(NationalCrypto.publicKeyOf(HL_KEYS.privateKey())).isEqualTo(HL_KEYS.publicKey());
        assertThat(NationalCrypto.isPublicKey(HL_KEYS.publicKey())).isTrue();
        assertThat(NationalCrypto.isPublicKey("04" + "00".repeat(64))).isFalse();
        assertThat(HL_KEYS.toString()).doesNotContain(HL_KEYS.privateKey());
    }

    private static EnvelopeRefused refusal(Province receiver, byte[] wire) {
        try {
            receiver.sealing.open(wire);
        } catch (EnvelopeRefused refused) {
            return refused;
        }
        throw new AssertionError("accepted");
    }

    private static void assertRefused(Province receiver, byte[] wire, RefusalReason reason) {
        int before = receiver.refusals.size();
        assertThatThrownBy(() -> receiver.sealing.open(wire)).isInstanceOf(EnvelopeRefused.class)
                .extracting(e -> ((EnvelopeRefused) e).reason()).isEqualTo(reason);
        assertThat(receiver.refusals).hasSize(before + 1).last().isEqualTo(reason);
    }
}
