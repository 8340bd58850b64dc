package cn.hlj.remoteeval.crossprovince.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The exchange's records in the real database: a message id is accepted once even when two nodes
 * receive it at the same moment; a refusal is kept; only a registered, not suspended partner with a
 * key has one.
 */
@RemoteEvalIntegrationTest
class ExchangeRecordsIntegrationTest {

    @Autowired
    JdbcExchangeRecords records;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;

    @Test
    void aMessageIdIsAcceptedOnceEvenWhenTwoNodesReceiveItAtOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> receive = () -> records.firstTime("JL", id, Instant.now());
            Future<Boolean> one = nodes.submit(receive);
            Future<Boolean> two = nodes.submit(receive);
            assertThat(one.get() ^ two.get()).as("exactly one node accepts").isTrue();
        } finally {
            nodes.shutdown();
        }
        assertThat(records.firstTime("JL", id, Instant.now())).isFalse();
        // Ids are the sender's: another partner may use the same one.
        assertThat(records.firstTime("LN", id, Instant.now())).isTrue();
    }

    @Test
    void aRefusalIsKeptWithItsReasonAndACutDetail() {
        String id = UUID.randomUUID().toString();
        records.refused(id, "ZZ", RefusalReason.UNKNOWN_SENDER, "x".repeat(5000), Instant.now());

        assertThat(jdbc.sql("SELECT reason FROM exchange_refusal WHERE message_id = ?").param(id).query(String.class).single())
                .isEqualTo("UNKNOWN_SENDER");
        assertThat(jdbc.sql("SELECT LENGTH(detail) FROM exchange_refusal WHERE message_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1000);
    }

    @Test
    void onlyARegisteredPartnerThatIsNotSuspendedAndHasAKeyHasOne() {
        String code = "X" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String key = new NationalCrypto(new SecureRandom()).newKeyPair().publicKey();
        assertThat(records.publicKeyOf(code)).isEmpty();
        try {
            registerAndKey(code, key);
        } finally {
            // A bare row without its history: no other test may meet it in the register.
            jdbc.sql("DELETE FROM partner_province WHERE code = ?").param(code).update();
        }
    }

    @Test
    void anOperatorEntersAPartnersKeyAndReadsThisProvincesWhileOthersAreRefused() throws Exception {
        String code = "Y" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        String key = new NationalCrypto(new SecureRandom()).newKeyPair().publicKey();
        insertPartner(code);
        try {
            put("staff-prov", code, key).andExpect(status().isForbidden());
            put("demo", code, "04abc").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("publicKey"));
            put("demo", "NOPE", key).andExpect(status().isNotFound());
            assertThat(records.publicKeyOf(code)).isEmpty();

            put("demo", code, key.toUpperCase()).andExpect(status().isOk()).andExpect(jsonPath("$.publicKey").value(key));
            assertThat(records.publicKeyOf(code)).contains(key);
        } finally {
            jdbc.sql("DELETE FROM partner_province WHERE code = ?").param(code).update();
        }
        String ours = api.read(api.get("demo", "/api/exchange/public-key").andExpect(status().isOk())).get("publicKey").asText();
        assertThat(NationalCrypto.isPublicKey(ours)).isTrue();
        api.get("drc", "/api/exchange/public-key").andExpect(status().isForbidden());
    }

    private ResultActions put(String user, String code, String key) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put("/api/partner-provinces/" + code + "/exchange-key")
                .with(SecurityMockMvcRequestPostProcessors.httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"publicKey\":\"" + key + "\"}"));
    }

    private void insertPartner(String code) {
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, last_step_on, version, "
                + "registered_by, registered_at) VALUES (?, '测试省', 'NEGOTIATING', ?, ?, 0, 'test', ?)")
                .params(code, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5), java.sql.Timestamp.from(Instant.now())).update();
    }

    private void registerAndKey(String code, String key) {
        insertPartner(code);
        assertThat(records.publicKeyOf(code)).isEmpty();

        jdbc.sql("UPDATE partner_province SET exchange_public_key = ? WHERE code = ?").params(key, code).update();
        assertThat(records.publicKeyOf(code)).contains(key);

        jdbc.sql("UPDATE partner_province SET state = 'SUSPENDED', suspended_on = ?, suspension_reason = '测试' WHERE code = ?")
                .params(LocalDate.of(2026, 2, 1), code).update();
        assertThat(records.publicKeyOf(code)).isEmpty();
    }
}
