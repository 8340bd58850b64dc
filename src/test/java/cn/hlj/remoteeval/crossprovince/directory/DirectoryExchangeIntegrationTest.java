package cn.hlj.remoteeval.crossprovince.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.crossprovince.exchange.Envelope;
import cn.hlj.remoteeval.crossprovince.exchange.EnvelopeSealing;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeSchemas;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The shared directories between this province and a connected partner of the test's own: both are
 * queued for the partner once, and not again while their content is unchanged; what the partner sends
 * (an expert directory in two parts and a workstation directory, signed on its side) is handled in its
 * sequence order and shown to the provincial center's staff, and to no city center's.
 */
@RemoteEvalIntegrationTest
class DirectoryExchangeIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());

    @Autowired
    DirectoryPublisher publisher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    ObjectMapper json;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    /** A province code of its own (letters only, as the envelope's schema requires). */
    private final String partner = "Y" + new SecureRandom().ints(5, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private final NationalCrypto.KeyPair partnerKeys = CRYPTO.newKeyPair();
    private EnvelopeSealing partnerSide;

    @BeforeEach
    void connectThePartnerWithItsKeyAndAnAddressThatAnswersNothing() {
        LocalDate day = LocalDate.of(2026, 1, 5);
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, joint_test_passed_on, connected_on, "
                + "last_step_on, version, registered_by, registered_at, exchange_public_key, exchange_endpoint) "
                + "VALUES (?, '测试省', 'CONNECTED', ?, ?, ?, ?, 0, 'test', ?, ?, ?)")
                .params(partner, day, day, day, day, Timestamp.from(Instant.now()), partnerKeys.publicKey(),
                        "http://127.0.0.1:9/exchange/v1/messages")
                .update();
        partnerSide = new EnvelopeSealing(partner, partnerKeys.privateKey(), Duration.ofMinutes(10), CRYPTO,
                new ExchangeSchemas(), code -> Optional.empty(), (sender, id, at) -> true, (id, sender, r, d, at) -> {
                }, Clock.systemUTC(), json);
    }

    @AfterEach
    void removeThePartnerAndWhatWentEitherWay() {
        // A bare row without its history: no other test may meet it in the register or the exchange.
        for (String delete : List.of("DELETE FROM exchange_outbox WHERE receiver = ?",
                "DELETE FROM exchange_inbox WHERE sender = ?", "DELETE FROM exchange_seen_message WHERE sender = ?",
                "DELETE FROM exchange_peer_sequence WHERE peer = ?", "DELETE FROM directory_publication WHERE partner = ?",
                "DELETE FROM partner_directory WHERE partner = ?", "DELETE FROM partner_directory_part WHERE partner = ?",
                "DELETE FROM partner_province WHERE code = ?")) {
            jdbc.sql(delete).param(partner).update();
        }
    }

    private long queued(MessageType type) {
        return jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE receiver = ? AND message_type = ? "
                + "AND state IN ('PENDING', 'SENDING')").params(partner, type.name()).query(Long.class).single();
    }

    @Test
    void bothDirectoriesAreQueuedForAConnectedPartnerOnceAndNotAgainWhileUnchanged() {
        publisher.publishAll();

        int expertParts = jdbc.sql("SELECT parts FROM directory_publication WHERE partner = ? AND kind = 'EXPERT'")
                .param(partner).query(Integer.class).single();
        // One message per directory (the demo pool's is far below a part; other tests' imports may add one more).
        assertThat(expertParts).isBetween(1, 2);
        assertThat(queued(MessageType.EXPERT_DIRECTORY)).isEqualTo(expertParts);
        assertThat(queued(MessageType.WORKSTATION_DIRECTORY)).isOne();
        assertThat(jdbc.sql("SELECT correlation_id FROM exchange_outbox WHERE receiver = ? ORDER BY sequence_no")
                .param(partner).query(String.class).list())
                .allMatch(id -> id.matches("DIR-(EXPERT|WORKSTATION)-[0-9]{8}"));
        String workstations = jdbc.sql("SELECT body FROM exchange_outbox WHERE receiver = ? AND message_type = ?")
                .params(partner, MessageType.WORKSTATION_DIRECTORY.name()).query(String.class).single();
        assertThat(workstations).contains("\"centerCode\":\"PROV\"", "\"centerCode\":\"HRB\"", "\"centerCode\":\"QQHR\"")
                .doesNotContain("MDJ");

        publisher.publishAll();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE receiver = ?").param(partner).query(Long.class)
                .single()).isEqualTo(expertParts + 1);
    }

    @Test
    void aPartnerNotConnectedOrWithoutAnAddressGetsNothing() {
        jdbc.sql("UPDATE partner_province SET state = 'NEGOTIATING', joint_test_passed_on = NULL, connected_on = NULL "
                + "WHERE code = ?").param(partner).update();
        publisher.publishAll();
        jdbc.sql("UPDATE partner_province SET state = 'JOINT_TEST_PASSED', joint_test_passed_on = ?, exchange_endpoint = NULL "
                + "WHERE code = ?").params(LocalDate.of(2026, 1, 5), partner).update();
        publisher.publishAll();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE receiver = ?").param(partner).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM directory_publication WHERE partner = ?").param(partner)
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePartnersDirectoriesAreKeptInItsOrderAndShownToTheProvincialCenter() throws Exception {
        String asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)).toString();
        String experts1 = """
                {"asOf":"%s","part":1,"parts":2,"entries":[{"specialtyCode":"A080101","cityCode":"CC","available":12}]}"""
                .formatted(asOf);
        String experts2 = """
                {"asOf":"%s","part":2,"parts":2,"entries":[{"specialtyCode":"C020114","cityCode":"JLS","available":3}]}"""
                .formatted(asOf);
        String workstations = """
                {"asOf":"%s","entries":[{"centerCode":"CC","crossProvinceWorkstations":15}]}""".formatted(asOf);
        deliver(MessageType.EXPERT_DIRECTORY, 1, experts1);
        deliver(MessageType.EXPERT_DIRECTORY, 2, experts2);
        deliver(MessageType.WORKSTATION_DIRECTORY, 3, workstations);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT COUNT(*) FROM exchange_inbox WHERE sender = ? AND state = 'HANDLED'").param(partner)
                .query(Long.class).single()).isEqualTo(3));

        JsonNode mine = api.read(api.get("staff-prov", "/api/cross-province/directories?partner=" + partner)
                .andExpect(status().isOk())).get(0);
        assertThat(mine.get("partner").asText()).isEqualTo(partner);
        assertThat(mine.get("publishedTo").asBoolean()).isTrue();
        JsonNode expertDirectory = mine.get("experts");
        assertThat(expertDirectory.get("label").asText()).isEqualTo("评标专家共享目录");
        assertThat(Instant.parse(expertDirectory.get("asOf").asText())).isEqualTo(Instant.parse(asOf));
        assertThat(expertDirectory.get("totalAvailable").asLong()).isEqualTo(15);
        List<String> entries = new ArrayList<>();
        expertDirectory.get("entries").forEach(e -> entries.add(e.get("specialtyCode").asText() + "/"
                + e.get("cityCode").asText() + "/" + e.get("available").asLong() + "/" + e.get("label").asText()));
        assertThat(entries).containsExactly("A080101/CC/12/专业 A080101，地市 CC：在库专家 12 名",
                "C020114/JLS/3/专业 C020114，地市 JLS：在库专家 3 名");
        JsonNode workstationDirectory = mine.get("workstations");
        assertThat(workstationDirectory.get("entries").get(0).get("centerCode").asText()).isEqualTo("CC");
        assertThat(workstationDirectory.get("entries").get(0).get("crossProvinceWorkstations").asInt()).isEqualTo(15);
        assertThat(workstationDirectory.get("summary").asText()).isEqualTo("1 个交易中心共有跨省评标工位 15 个");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner_directory_part WHERE partner = ?").param(partner)
                .query(Long.class).single()).isZero();

        // What this province published to the partner shows beside it.
        publisher.publishAll();
        JsonNode published = api.read(api.get("staff-prov", "/api/cross-province/directories?partner=" + partner)
                .andExpect(status().isOk())).get(0).get("published");
        assertThat(published).hasSize(2);
        assertThat(published.get(0).get("kind").asText()).isEqualTo("EXPERT");
        assertThat(published.get(0).get("asOf").isNull()).isFalse();

        api.get("staff-hrb", "/api/cross-province/directories").andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.get("staff-prov", "/api/cross-province/directories?partner=QQ").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.get("staff-prov", "/api/cross-province/directories?partner=j1").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partner"));
    }

    private void deliver(MessageType type, long sequence, String body) throws Exception {
        Envelope envelope = partnerSide.seal(type, UUID.randomUUID().toString(), "DIR-TEST-1", "HL", sequence,
                json.readTree(body), null, NationalCrypto.publicKeyOf(ourPrivateKey));
        mvc.perform(MockMvcRequestBuilders.post("/exchange/v1/messages").contentType(MediaType.APPLICATION_JSON)
                .content(partnerSide.wire(envelope))).andExpect(status().isAccepted());
    }
}
