package cn.hlj.remoteeval.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.notification.SmsOutbox;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** GET /api/sms-outbox: the operator sees how sending goes, never whom to or what. */
@RemoteEvalIntegrationTest
class SmsOutboxViewIntegrationTest {

    private static final String MOBILE = "13712340987";
    private static final String TEXT = "查看测试：请于2034年9月9日上午到佳木斯市公共资源交易中心参加评标。";

    @Autowired
    Api api;
    @Autowired
    SmsOutbox outbox;
    @Autowired
    JdbcSmsOutboxStore store;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    JdbcClient jdbc;

    private String idOf(String key) {
        return jdbc.sql("SELECT id FROM sms_outbox WHERE idempotency_key = ?").param(key).query(String.class).single();
    }

    private static JsonNode entry(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false).filter(node -> id.equals(node.get("id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("entry " + id + " not listed"));
    }

    @Test
    void theOperatorSeesStateAttemptsAndTimesButNoMobileTextOrKey() throws Exception {
        String key = "view-" + UUID.randomUUID();
        outbox.enqueue(key, MOBILE, TEXT);
        String id = idOf(key);

        String body = api.get("demo", "/api/sms-outbox?limit=500").andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();

        assertThat(body).doesNotContain(MOBILE).doesNotContain("佳木斯").doesNotContain(key);
        JsonNode listed = entry(api.read(api.get("demo", "/api/sms-outbox?limit=500")), id);
        assertThat(iterable(listed.fieldNames())).containsExactlyInAnyOrder("id", "state", "attempts", "nextAttemptAt",
                "createdAt", "sentAt", "lastError");
        assertThat(listed.get("state").asText()).isEqualTo("PENDING");
        assertThat(listed.get("attempts").asInt()).isZero();
        assertThat(listed.get("nextAttemptAt").isNull()).isFalse();
        assertThat(listed.get("sentAt").isNull()).isTrue();
    }

    @Test
    void aFailedMessageShowsItsLastErrorToTheOperator() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("1990-06-01T00:00:00Z").plusSeconds(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 86_400)));
        String key = "view-failed-" + UUID.randomUUID();
        new JdbcSmsOutbox(store, cipher, clock).enqueue(key, MOBILE, TEXT);
        new SmsDispatcher(store, cipher, new ScriptedGateway().then(new GatewayResult.Permanent("HTTP 400")),
                new RetryPolicy(java.time.Duration.ofSeconds(30), 2, java.time.Duration.ofMinutes(30), 8), clock, 10,
                java.time.Duration.ofMinutes(2)).dispatchDue();

        JsonNode listed = entry(api.read(api.get("demo", "/api/sms-outbox?state=FAILED&limit=500")), idOf(key));

        assertThat(listed.get("state").asText()).isEqualTo("FAILED");
        assertThat(listed.get("attempts").asInt()).isEqualTo(1);
        assertThat(listed.get("lastError").asText()).isEqualTo("HTTP 400");
        assertThat(listed.get("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void everyoneButTheOperatorIsForbidden() throws Exception {
        for (String user : List.of("staff-hrb", "supervisor-hrb", "tenderer", "drc")) {
            api.get(user, "/api/sms-outbox").andExpect(status().isForbidden());
        }
    }

    @Test
    void anUnknownStateOrLimitIsABadRequest() throws Exception {
        api.get("demo", "/api/sms-outbox?state=LOST").andExpect(status().isBadRequest());
        api.get("demo", "/api/sms-outbox?limit=0").andExpect(status().isBadRequest());
        api.get("demo", "/api/sms-outbox?limit=501").andExpect(status().isBadRequest());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
