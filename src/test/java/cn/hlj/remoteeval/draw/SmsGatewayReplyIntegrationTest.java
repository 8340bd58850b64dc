package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ExpertInvitations;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * An expert's SMS reply through the gateway's signed callback (上行短信): "1 CODE" accepts and "2 CODE"
 * declines as people type them; a second answer changes nothing and says so; a bad signature, a stale
 * timestamp and a replayed call are refused and change nothing; a sender who keeps sending unknown
 * codes is not heard for a while; no log line names the sender or the code. An invitation still open
 * after part of the answer window gets one voice call, and the supplementary draw still waits for the window.
 */
@RemoteEvalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SmsGatewayReplyIntegrationTest {

    private static final String SECRET = "test-sms-gateway-secret";
    private static final String PATH = "/api/sms-gateway/replies";

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ExpertInvitations invitations;
    @Autowired
    Clock clock;

    @Test
    void repliesAcceptAndDeclineOnceAndEveryForgedStaleOrReplayedCallIsRefused(CapturedOutput output) throws Exception {
        String tenderId = invitedTender();
        List<String> seats = invitations.invited(tenderId);
        String first = invitations.replyCode(seats.get(0));
        String second = invitations.replyCode(seats.get(1));
        String third = invitations.replyCode(seats.get(2));
        int logStart = output.getAll().length();

        // A forged signature, a stale and a future timestamp, no signature: refused, nothing changes.
        String body = body("13800000001", "1 " + first);
        long now = clock.instant().getEpochSecond();
        send(body, now, sign(now, body.replace("1 ", "2 "))).andExpect(status().isUnauthorized());
        send(body, now - 600, sign(now - 600, body)).andExpect(status().isUnauthorized());
        send(body, now + 600, sign(now + 600, body)).andExpect(status().isUnauthorized());
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        assertThat(invitations.stateOf(seats.get(0))).isEqualTo("INVITED");

        // Full-width, spaced: accepted; the very same call again is a replay.
        String fullWidth = body("13800000001", "１　" + toFullWidth(first.toLowerCase()));
        String signature = sign(now, fullWidth);
        send(fullWidth, now, signature).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ACCEPTED"));
        assertThat(invitations.stateOf(seats.get(0))).isEqualTo("ACCEPTED");
        send(fullWidth, now, signature).andExpect(status().isConflict());
        // A later, different answer to the same invitation changes nothing and says so.
        String late = body("13800000001", "2 " + first);
        send(late, now + 1, sign(now + 1, late)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("ALREADY_SETTLED"));
        assertThat(invitations.stateOf(seats.get(0))).isEqualTo("ACCEPTED");

        String decline = body("13800000002", "2 " + second.toLowerCase());
        send(decline, now, sign(now, decline)).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("DECLINED"));
        assertThat(invitations.stateOf(seats.get(1))).isEqualTo("DECLINED");

        // A sender guessing codes: five failures, then not heard, even with a real code.
        for (int i = 0; i < 5; i++) {
            String guess = body("13900000009", i == 0 ? "好的" : "1 " + "ZZZZZZZZZZZ" + i);
            send(guess, now + 2 + i, sign(now + 2 + i, guess)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value(i == 0 ? "NOT_UNDERSTOOD" : "UNKNOWN_CODE"));
        }
        String real = body("13900000009", "1 " + third);
        send(real, now + 10, sign(now + 10, real)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("TOO_MANY_ATTEMPTS"));
        assertThat(invitations.stateOf(seats.get(2))).isEqualTo("INVITED");

        String log = output.getAll().substring(logStart);
        assertThat(log).contains("SMS gateway callback refused: bad signature").contains("SMS reply found no invitation");
        for (String secret : List.of(first, second, third, "13800000001", "13800000002", "13900000009")) {
            assertThat(log).doesNotContainIgnoringCase(secret);
        }
    }

    @Test
    void anInvitationStillUnansweredGetsOneVoiceCallAndAfterTheWindowTheSupplementaryDraw() throws Exception {
        JsonNode tender = api.register(TenderBody.valid().with("name", "语音外呼测试标段" + System.nanoTime()));
        String tenderId = tender.get("id").asText();
        String seatId = invitations.draw(tenderId).get(0);
        int seatNo = jdbc.sql("SELECT seat_no FROM committee_seat WHERE id = ?").param(seatId).query(Integer.class).single();
        ProcessInstance confirmation = invitations.confirmationOf(tenderId, seatId);
        Job call = invitations.timer(confirmation, "VoiceCallDue");
        Job window = invitations.timer(confirmation, "AnswerWindowElapsed");
        assertThat(call.getDuedate()).isBefore(window.getDuedate());

        management.executeJob(call.getId());

        List<JsonNode> calls = invitations.voiceCalls("voice:" + seatId);
        assertThat(calls).singleElement().satisfies(placed -> {
            assertThat(placed.get("script").asText()).contains("评标时间", "报到地点", "接受请按 1")
                    .doesNotContain(tender.get("name").asText()).doesNotContain(tender.get("sectionCode").asText());
            assertThat(placed.get("to").asText()).matches("1\\d{10}");
        });
        assertThat(invitations.stateOf(seatId)).isEqualTo("INVITED");
        assertThat(runtime.getActivityInstance(confirmation.getId()).getChildActivityInstances())
                .extracting(a -> a.getActivityId()).containsExactly("AwaitExpertAnswer");

        management.executeJob(window.getId());
        await().atMost(Duration.ofSeconds(30)).until(() -> "NO_ANSWER".equals(invitations.stateOf(seatId))
                && jdbc.sql("SELECT COUNT(*) FROM committee_seat WHERE tender_id = ? AND seat_no = ? AND state = 'INVITED'")
                        .params(tenderId, seatNo).query(Long.class).single() == 1);
        assertThat(invitations.voiceCalls("voice:" + seatId)).hasSize(1);
        assertThat(api.read(api.get("demo", "/api/audit/tenders/" + tenderId)).findValuesAsText("action"))
                .containsOnlyOnce("EXPERT_VOICE_CALLED");
    }

    private ResultActions send(String body, long timestamp, String signature) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Sms-Timestamp", String.valueOf(timestamp)).header("X-Sms-Signature", signature));
    }

    private static String body(String from, String text) {
        return "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}";
    }

    private static String sign(long timestamp, String body) {
        return ExpertInvitations.signature(SECRET, timestamp, body);
    }

    private static String toFullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append((char) (c >= '!' && c <= '~' ? c + 0xFEE0 : c)));
        return wide.toString();
    }

    private String invitedTender() throws Exception {
        String tenderId = api.register(TenderBody.valid()).get("id").asText();
        invitations.draw(tenderId);
        return tenderId;
    }
}
