package cn.hlj.remoteeval.crossprovince.jointtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The joint test over real HTTP between this province (HL, the shared test context) and the partner
 * simulator (a second application, its own H2), as the provincial center runs it: against a partner
 * that answers as message set 1 says, every scenario passes, and the negotiating partner has passed its
 * joint test in the register (history and audit name the run); against a partner that holds a wrong key
 * for this province, the connectivity scenario fails and the register stays as it was. The probes never
 * reach the partner's ordered channel.
 */
@RemoteEvalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointTestIntegrationTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;
    @Value("${remote-eval.exchange.private-key}")
    String ourPrivateKey;

    /** A code of its own (letters only, as the envelope requires), so that no other test meets it. */
    private final String code = "Q" + new SecureRandom().ints(4, 'A', 'Z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    private PartnerInstance partner;

    @BeforeAll
    void startThePartner() {
        partner = new PartnerInstance(code).start();
        partner.registerPartner("HL", ourPublicKey(), "http://127.0.0.1:" + port + "/exchange/v1/messages");
    }

    @AfterAll
    void removeThePartner() {
        try {
            removeOurRowsOfThePartner();
        } finally {
            partner.close();
        }
    }

    @Test
    void aConformingPartnerPassesEveryScenarioAndHasPassedItsJointTest() throws Exception {
        enterNegotiatingPartner();
        enterKeyAndEndpoint();
        partnerHoldsOurKey(ourPublicKey());
        partner.jdbc().sql("DELETE FROM exchange_refusal WHERE claimed_sender = 'HL'").update();

        JsonNode run = api.read(api.post("staff-prov", path(), Map.of()).andExpect(status().isCreated()));

        assertThat(run.get("passed").asBoolean()).as(run.toString()).isTrue();
        assertThat(run.get("movedPartner").asBoolean()).isTrue();
        assertThat(run.get("startedBy").asText()).isEqualTo("staff-prov");
        assertThat(names(run)).containsExactly("连通与签名", "重复投递", "篡改报文", "过期报文", "错误接收方", "格式错误");
        for (JsonNode result : run.get("results")) {
            assertThat(result.get("passed").asBoolean()).as(result.toString()).isTrue();
            assertThat(result.get("description").asText()).isNotBlank();
            assertThat(result.get("durationMs").asLong()).isNotNegative();
        }
        assertThat(run.get("results").get(0).get("detail").asText()).startsWith("HTTP 202，答复 PONG:");
        assertThat(run.get("results").get(1).get("detail").asText()).startsWith("HTTP 422 REPLAY");
        assertThat(run.get("results").get(5).get("detail").asText()).startsWith("HTTP 400 MALFORMED");
        String runId = run.get("id").asText();

        // The register: joint test passed today, the run named in the step's history and in the audit.
        JsonNode province = api.read(api.get("staff-prov", "/api/partner-provinces/" + code).andExpect(status().isOk()));
        assertThat(province.get("state").asText()).isEqualTo("JOINT_TEST_PASSED");
        assertThat(province.get("jointTestPassedOn").asText())
                .isEqualTo(LocalDate.now(java.time.ZoneId.of(RemoteEvalApplication.ZONE)).toString());
        JsonNode step = province.get("history").get(province.get("history").size() - 1);
        assertThat(step.get("to").asText()).isEqualTo("JOINT_TEST_PASSED");
        assertThat(step.get("reason").asText()).contains(runId);
        assertThat(step.get("changedBy").asText()).isEqualTo("staff-prov");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'PARTNER_PROVINCE_JOINT_TEST_PASSED' "
                + "AND subject_id = ?").param(code).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'PARTNER_JOINT_TEST_RUN' AND subject_id = ? "
                + "AND detail LIKE ?").params(code, "%run=" + runId + "%").query(String.class).single())
                .contains("passed=true", "step=JOINT_TEST_PASSED");

        // The partner kept none of the probes: nothing in its inbox, no number of HL's sequence used; its
        // refusal log has the refused ones.
        assertThat(partner.jdbc().sql("SELECT COUNT(*) FROM exchange_inbox WHERE sender = 'HL'").query(Long.class).single())
                .isZero();
        assertThat(partner.jdbc().sql("SELECT COUNT(*) FROM exchange_peer_sequence WHERE peer = 'HL' AND last_handled > 0")
                .query(Long.class).single()).isZero();
        assertThat(partner.jdbc().sql("SELECT reason FROM exchange_refusal WHERE claimed_sender = 'HL'").query(String.class)
                .list()).containsExactlyInAnyOrder("REPLAY", "BAD_SIGNATURE", "STALE", "WRONG_RECEIVER", "MALFORMED");

        // The run is on record, with its results.
        JsonNode runs = api.read(api.get("staff-prov", path()).andExpect(status().isOk()));
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("id").asText()).isEqualTo(runId);
        assertThat(names(runs.get(0))).hasSize(6);
        api.get("demo", path() + "/" + runId).andExpect(status().isOk()).andExpect(jsonPath("$.passed").value(true));

        // A second run on a partner already past negotiation is recorded only.
        JsonNode again = api.read(api.post("demo", path(), Map.of()).andExpect(status().isCreated()));
        assertThat(again.get("passed").asBoolean()).isTrue();
        assertThat(again.get("movedPartner").asBoolean()).isFalse();
        assertThat(api.read(api.get("staff-prov", "/api/partner-provinces/" + code)).get("version").asInt())
                .isEqualTo(province.get("version").asInt());
    }

    @Test
    void aPartnerHoldingAWrongKeyForUsFailsConnectivityAndTheRegisterStaysAsItWas() throws Exception {
        enterNegotiatingPartner();
        enterKeyAndEndpoint();
        partnerHoldsOurKey(CRYPTO.newKeyPair().publicKey());
        try {
            JsonNode run = api.read(api.post("staff-prov", path(), Map.of()).andExpect(status().isCreated()));

            assertThat(run.get("passed").asBoolean()).isFalse();
            assertThat(run.get("movedPartner").asBoolean()).isFalse();
            JsonNode connectivity = run.get("results").get(0);
            assertThat(connectivity.get("name").asText()).isEqualTo("连通与签名");
            assertThat(connectivity.get("passed").asBoolean()).isFalse();
            assertThat(connectivity.get("detail").asText()).contains("HTTP 422 BAD_SIGNATURE");

            JsonNode province = api.read(api.get("staff-prov", "/api/partner-provinces/" + code));
            assertThat(province.get("state").asText()).isEqualTo("NEGOTIATING");
            assertThat(province.get("history")).hasSize(1);
            assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'PARTNER_JOINT_TEST_RUN' AND subject_id = ? "
                    + "AND detail LIKE ?").params(code, "%run=" + run.get("id").asText() + "%").query(String.class).single())
                    .contains("passed=false", "CONNECTIVITY").doesNotContain("step=");
        } finally {
            partnerHoldsOurKey(ourPublicKey());
        }
    }

    @Test
    void anUnknownPartnerAndOneWithoutKeyOrAddressAreProblemsAndOnlyTheProvincialCenterRunsIt() throws Exception {
        api.post("staff-prov", "/api/partner-provinces/QQQQQQQQ/joint-tests", Map.of()).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("合作省份未登记：QQQQQQQQ"));

        enterNegotiatingPartner();
        api.post("staff-prov", path(), Map.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("测试省（" + code + "）尚未登记交换公钥和报文接收地址，不能进行联调测试；请运维人员先登记。"))
                .andExpect(jsonPath("$.errors[0].field").value("exchangePublicKey"))
                .andExpect(jsonPath("$.errors[1].field").value("exchangeEndpoint"));
        put("/exchange-key", Map.of("publicKey", partner.publicKey())).andExpect(status().isOk());
        api.post("staff-prov", path(), Map.of()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("测试省（" + code + "）尚未登记报文接收地址，不能进行联调测试；请运维人员先登记。"));

        api.post("staff-hrb", path(), Map.of()).andExpect(status().isForbidden());
        api.get("staff-hrb", path()).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM joint_test_run WHERE partner = ?").param(code).query(Long.class).single())
                .isZero();
    }

    private String path() {
        return "/api/partner-provinces/" + code + "/joint-tests";
    }

    private String ourPublicKey() {
        return NationalCrypto.publicKeyOf(ourPrivateKey);
    }

    private static List<String> names(JsonNode run) {
        return java.util.stream.StreamSupport.stream(run.get("results").spliterator(), false)
                .map(r -> r.get("name").asText()).toList();
    }

    /**
     * The partner in our register as it stands after its registration: negotiating, one step in its
     * history. Through SQL: the register's API takes the codes of real provinces only.
     */
    private void enterNegotiatingPartner() {
        removeOurRowsOfThePartner();
        LocalDate started = LocalDate.of(2026, 1, 5);
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, last_step_on, version, "
                + "registered_by, registered_at) VALUES (?, '测试省', 'NEGOTIATING', ?, ?, 1, 'test', ?)")
                .params(code, Date.valueOf(started), Date.valueOf(started), Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO partner_province_change (province_code, seq, from_state, to_state, effective_on, changed_by, "
                + "changed_at) VALUES (?, 1, NULL, 'NEGOTIATING', ?, 'test', ?)")
                .params(code, Date.valueOf(started), Timestamp.from(now)).update();
    }

    /** As the operators enter them at a joint test. */
    private void enterKeyAndEndpoint() throws Exception {
        put("/exchange-key", Map.of("publicKey", partner.publicKey())).andExpect(status().isOk());
        put("/exchange-endpoint", Map.of("endpoint", partner.endpoint())).andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions put(String what, Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put("/api/partner-provinces/" + code + what).with(httpBasic("demo", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    /** The key the partner's register holds for this province. */
    private void partnerHoldsOurKey(String publicKey) {
        partner.jdbc().sql("UPDATE partner_province SET exchange_public_key = ? WHERE code = 'HL'").param(publicKey).update();
    }

    private void removeOurRowsOfThePartner() {
        jdbc.sql("DELETE FROM joint_test_result WHERE run_id IN (SELECT id FROM joint_test_run WHERE partner = ?)").param(code)
                .update();
        jdbc.sql("DELETE FROM joint_test_run WHERE partner = ?").param(code).update();
        jdbc.sql("DELETE FROM partner_province_change WHERE province_code = ?").param(code).update();
        jdbc.sql("DELETE FROM partner_province WHERE code = ?").param(code).update();
    }
}
