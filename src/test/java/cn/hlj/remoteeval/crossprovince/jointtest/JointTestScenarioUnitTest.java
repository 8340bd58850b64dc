package cn.hlj.remoteeval.crossprovince.jointtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeRefused;
import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Accepted;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Delivery;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Refused;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Unavailable;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.crossprovince.exchange.RefusalReason;

/**
 * The scenarios against partners in memory: one that answers as message set 1 says passes all of them;
 * one that holds a wrong key for us, one that takes everything, one that is down, each fails what it
 * should and only that.
 */
class JointTestScenarioUnitTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final NationalCrypto.KeyPair HL_KEYS = CRYPTO.newKeyPair();
    private static final NationalCrypto.KeyPair JL_KEYS = CRYPTO.newKeyPair();
    private static final ExchangeSchemas SCHEMAS = new ExchangeSchemas();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.systemUTC();

    private final List<byte[]> delivered = new ArrayList<>();

    private static EnvelopeSealing sealing(String province, String privateKey, Map<String, String> partners, Clock clock,
            Set<String> seen) {
        return new EnvelopeSealing(province, privateKey, Duration.ofMinutes(10), CRYPTO, SCHEMAS,
                code -> Optional.ofNullable(partners.get(code)), (sender, id, at) -> seen.add(sender + "/" + id),
                (id, sender, reason, detail, at) -> {
                }, clock, JSON);
    }

    private JointTestProbe probeAgainst(Function<byte[], Delivery> partner) {
        EnvelopeSealing now = sealing("HL", HL_KEYS.privateKey(), Map.of(), CLOCK, new HashSet<>());
        EnvelopeSealing behind = sealing("HL", HL_KEYS.privateKey(), Map.of(),
                Clock.offset(CLOCK, JointTestSigning.STALE_BY.negated()), new HashSet<>());
        ExchangeTransport transport = (endpoint, message) -> {
            delivered.add(message);
            return partner.apply(message);
        };
        return new JointTestProbe(new JointTestSigning(now, behind), transport, "JL",
                URI.create("http://127.0.0.1:1/exchange/v1/messages"), "run-1");
    }

    /** JL's node as ExchangeInbox answers a PING, holding {@code keyForUs} as HL's key. */
    private static Function<byte[], Delivery> inboxOfJl(String keyForUs) {
        EnvelopeSealing jl = sealing("JL", JL_KEYS.privateKey(), Map.of("HL", keyForUs), CLOCK, new HashSet<>());
        return message -> {
            try {
                EnvelopeSealing.Opened opened = jl.open(message);
                JsonNode body = opened.envelope().body();
                return new Accepted("PONG:" + body.path("nonce").asText(), false);
            } catch (EnvelopeRefused refused) {
                return new Refused(refused.reason() == RefusalReason.MALFORMED ? 400 : 422, refused.reason().name(),
                        refused.getMessage());
            }
        };
    }

    private static Map<JointTestScenario, JointTestRunView.Result> byScenario(List<JointTestRunView.Result> results) {
        Map<JointTestScenario, JointTestRunView.Result> map = new java.util.EnumMap<>(JointTestScenario.class);
        results.forEach(r -> map.put(JointTestScenario.valueOf(r.scenario()), r));
        return map;
    }

    @Test
    void aPartnerAnsweringAsTheMessageSetSaysPassesEveryScenario() throws Exception {
        List<JointTestRunView.Result> results = JointTestService.runScenarios(probeAgainst(inboxOfJl(HL_KEYS.publicKey())));

        assertThat(results).extracting(JointTestRunView.Result::scenario)
                .containsExactly("CONNECTIVITY", "REPEATED_DELIVERY", "TAMPERED", "STALE", "WRONG_RECEIVER", "MALFORMED");
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.name() + ": " + r.detail()).isTrue());
        assertThat(results.get(0).name()).isEqualTo("连通与签名");
        assertThat(results.get(0).detail()).startsWith("HTTP 202，答复 PONG:");
        assertThat(results.get(1).detail()).startsWith("HTTP 422 REPLAY");
        // Every probe was a PING numbered 0 with the run's id: none can take a business message's number.
        assertThat(delivered).hasSize(7).allSatisfy(wire -> {
            JsonNode envelope = JSON.readTree(wire);
            assertThat(envelope.get("type").asText()).isEqualTo(MessageType.PING.name());
            assertThat(envelope.get("sequence").asLong()).isZero();
            assertThat(envelope.get("correlationId").asText()).isEqualTo("run-1");
        });
    }

    @Test
    void aPartnerHoldingAWrongKeyForUsFailsConnectivityAndTheRepeatedDelivery() {
        Map<JointTestScenario, JointTestRunView.Result> results = byScenario(JointTestService
                .runScenarios(probeAgainst(inboxOfJl(CRYPTO.newKeyPair().publicKey()))));

        assertThat(results.get(JointTestScenario.CONNECTIVITY).passed()).isFalse();
        assertThat(results.get(JointTestScenario.CONNECTIVITY).detail()).startsWith("预期 HTTP 202，答复 PONG:")
                .contains("实际 HTTP 422 BAD_SIGNATURE");
        assertThat(results.get(JointTestScenario.REPEATED_DELIVERY).passed()).isFalse();
        assertThat(results.get(JointTestScenario.REPEATED_DELIVERY).detail()).startsWith("首次投递未被接收：HTTP 422 BAD_SIGNATURE");
        // Checked before the signature, or failing it either way.
        assertThat(results.get(JointTestScenario.TAMPERED).passed()).isTrue();
        assertThat(results.get(JointTestScenario.STALE).passed()).isTrue();
        assertThat(results.get(JointTestScenario.WRONG_RECEIVER).passed()).isTrue();
        assertThat(results.get(JointTestScenario.MALFORMED).passed()).isTrue();
    }

    @Test
    void aPartnerThatTakesEverythingWithoutItsPongFailsEveryScenario() {
        Map<JointTestScenario, JointTestRunView.Result> results = byScenario(JointTestService.runScenarios(probeAgainst(
                message -> new Accepted("已接收", false))));

        assertThat(results.get(JointTestScenario.CONNECTIVITY).passed()).isFalse();
        assertThat(results.values()).allSatisfy(r -> assertThat(r.passed()).isFalse());
        assertThat(results.get(JointTestScenario.STALE).detail()).isEqualTo("预期 HTTP 422 STALE；实际 HTTP 202，答复 已接收");
    }

    @Test
    void aRepeatedPingAnsweredAsADuplicateIsNotAReplay() {
        Function<byte[], Delivery> inbox = inboxOfJl(HL_KEYS.publicKey());
        Set<String> ids = new HashSet<>();
        Map<JointTestScenario, JointTestRunView.Result> results = byScenario(JointTestService.runScenarios(probeAgainst(
                message -> {
                    String id;
                    try {
                        id = JSON.readTree(message).path("messageId").asText();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    Delivery answer = inbox.apply(message);
                    // A node that keeps PINGs like business messages: the second delivery gets 200 and the first answer.
                    if (answer instanceof Refused refused && "REPLAY".equals(refused.reason()) && ids.contains(id)) {
                        return new Accepted("PONG:", true);
                    }
                    ids.add(id);
                    return answer;
                })));

        assertThat(results.get(JointTestScenario.REPEATED_DELIVERY).passed()).isFalse();
        assertThat(results.get(JointTestScenario.REPEATED_DELIVERY).detail()).contains("实际 HTTP 200（重复投递）");
    }

    @Test
    void anUnreachablePartnerFailsConnectivityAndTheRestIsNotRun() {
        List<JointTestRunView.Result> results = JointTestService.runScenarios(probeAgainst(
                message -> new Unavailable("无法连接：ConnectException")));

        assertThat(results).allSatisfy(r -> assertThat(r.passed()).isFalse());
        assertThat(results.get(0).detail()).contains("未送达（无法连接：ConnectException）");
        assertThat(results.subList(1, results.size())).allSatisfy(r -> {
            assertThat(r.detail()).isEqualTo("未执行：对方节点无法送达");
            assertThat(r.durationMs()).isZero();
        });
        assertThat(delivered).hasSize(1);
    }

    @Test
    void aDetailLongerThanItsColumnIsCut() {
        Verdict verdict = Verdict.expectRefused(new Refused(422, "STALE", "x".repeat(2000)), 422, RefusalReason.STALE);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.detail()).hasSize(Verdict.DETAIL_MAX).endsWith("…");
    }
}
