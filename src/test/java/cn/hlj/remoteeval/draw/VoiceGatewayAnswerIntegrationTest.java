package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ExpertInvitations;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The voice platform's key-press callback after the automated call: the correlation it was given
 * with the call (the local stand-in's record) and key 1 accepts, key 2 declines; a second answer
 * changes nothing and says so; a bad signature and a replayed call are refused and change nothing;
 * a correlation of no call is refused saying nothing, and a client that keeps sending them is not
 * heard for a while; no log line names the seat or the number.
 */
@RemoteEvalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class VoiceGatewayAnswerIntegrationTest {

    private static final String SECRET = "test-voice-gateway-secret";
    private static final String PATH = "/api/voice-gateway/answers";

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    ManagementService management;
    @Autowired
    ExpertInvitations invitations;
    @Autowired
    Clock clock;

    @Test
    void keyOneAcceptsKeyTwoDeclinesOnceAndForgedOrReplayedCallsChangeNothing(CapturedOutput output) throws Exception {
        String tenderId = api.register(TenderBody.valid().with("name", "语音按键测试标段" + System.nanoTime())).get("id").asText();
        List<String> seats = invitations.draw(tenderId);
        management.executeJob(invitations.timer(invitations.confirmationOf(tenderId, seats.get(0)), "VoiceCallDue").getId());
        String correlation = invitations.voiceCalls("voice:" + seats.get(0)).get(0).get("correlation").asText();
        String mobile = invitations.voiceCalls("voice:" + seats.get(0)).get(0).get("to").asText();
        int logStart = output.getAll().length();
        long now = clock.instant().getEpochSecond();

        // Signed with another secret, with no signature, stale: refused, nothing changes.
        String accept = body(correlation, "1");
        send(accept, now, ExpertInvitations.signature("test-sms-gateway-secret", now, accept))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(accept)).andExpect(status().isUnauthorized());
        send(accept, now - 600, sign(now - 600, accept)).andExpect(status().isUnauthorized());
        assertThat(invitations.stateOf(seats.get(0))).isEqualTo("INVITED");

        // Key 1 accepts; the very same call again is a replay; a later key 2 changes nothing and says so.
        String signature = sign(now, accept);
        send(accept, now, signature).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ACCEPTED"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("已确认参加")));
        assertThat(invitations.stateOf(seats.get(0))).isEqualTo("ACCEPTED");
        send(accept, now, signature).andExpect(status().isConflict());
        String late = body(correlation, "2");
        send(late, now + 1, sign(now + 1, late)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("ALREADY_SETTLED"));
        assertThat(invitations.stateOf(seats.get(0))).isEqualTo("ACCEPTED");

        // Another key is no answer; key 2 declines.
        String other = body(seats.get(1), "3");
        send(other, now + 2, sign(now + 2, other)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("NOT_UNDERSTOOD"));
        assertThat(invitations.stateOf(seats.get(1))).isEqualTo("INVITED");
        String decline = body(seats.get(1), "2");
        send(decline, now + 3, sign(now + 3, decline)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("DECLINED"));
        assertThat(invitations.stateOf(seats.get(1))).isEqualTo("DECLINED");

        String log = output.getAll().substring(logStart);
        assertThat(log).contains("Voice gateway callback refused: bad signature", "Voice gateway callback refused: replayed");
        for (String secret : List.of(seats.get(0), seats.get(1), mobile)) {
            assertThat(log).doesNotContain(secret);
        }
    }

    @Test
    void correlationsOfNoCallAreRefusedAlikeAndThenTheirClientIsNotHeardForAWhile(CapturedOutput output) throws Exception {
        String tenderId = api.register(TenderBody.valid().with("name", "语音按键猜测标段" + System.nanoTime())).get("id").asText();
        List<String> seats = invitations.draw(tenderId);
        int logStart = output.getAll().length();
        long now = clock.instant().getEpochSecond();

        // Correlations of no call: refused alike, then the client is not heard, even with a real one.
        for (int i = 0; i < 5; i++) {
            String unknown = body(i == 0 ? "not-a-seat" : UUID.randomUUID().toString(), "1");
            send(unknown, now + 4 + i, sign(now + 4 + i, unknown), "198.51.100.21").andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("UNKNOWN_CALL"))
                    .andExpect(jsonPath("$.message").value("未找到该呼叫对应的邀请。"));
        }
        String real = body(seats.get(0), "1");
        send(real, now + 10, sign(now + 10, real), "198.51.100.21").andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("TOO_MANY_ATTEMPTS"));
        assertThat(invitations.stateOf(seats.get(0))).isEqualTo("INVITED");

        String log = output.getAll().substring(logStart);
        assertThat(log).contains("Voice answer found no invitation", "Voice answer refused: too many failed answers")
                .doesNotContain(seats.get(0)).doesNotContain("not-a-seat");
    }

    private ResultActions send(String body, long timestamp, String signature) throws Exception {
        return send(body, timestamp, signature, "198.51.100.20");
    }

    /** From an address of its own: the failures it collects are not those of the other tests' client. */
    private ResultActions send(String body, long timestamp, String signature, String client) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Voice-Timestamp", String.valueOf(timestamp)).header("X-Voice-Signature", signature)
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }));
    }

    private static String body(String correlation, String key) {
        return "{\"correlation\":\"" + correlation + "\",\"key\":\"" + key + "\"}";
    }

    private static String sign(long timestamp, String body) {
        return ExpertInvitations.signature(SECRET, timestamp, body);
    }
}
