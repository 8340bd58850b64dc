package cn.hlj.remoteeval.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * A registered tender's expert draw run now (its timer fired), the invitations it made, what each
 * invitation SMS says, and the signature a gateway puts on its callbacks.
 */
public class ExpertInvitations {

    private static final Pattern REPLY_CODE = Pattern.compile("“1 ([0-9A-Z]{12})”");

    private final Api api;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final PersonalDataCipher cipher;

    ExpertInvitations(Api api, JdbcClient jdbc, RuntimeService runtime, ManagementService management,
            PersonalDataCipher cipher) {
        this.api = api;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.management = management;
        this.cipher = cipher;
    }

    /** Draws the committee of a tender of {@link TenderBody#valid()}'s shape; answers its five invited seats' ids. */
    public List<String> draw(String tenderId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "AWAITING_EXPERT_DRAW"
                .equals(api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()));
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers().activityId("AwaitExpertDraw")
                .singleResult();
        management.executeJob(timer.getId());
        return await().atMost(Duration.ofSeconds(30)).until(() -> invited(tenderId), seats -> seats.size() == 5);
    }

    /** The seats of the tender whose invitation is still open, by seat number. */
    public List<String> invited(String tenderId) {
        return jdbc.sql("SELECT id FROM committee_seat WHERE tender_id = ? AND state = 'INVITED' ORDER BY seat_no")
                .param(tenderId).query(String.class).list();
    }

    public String stateOf(String seatId) {
        return jdbc.sql("SELECT state FROM committee_seat WHERE id = ?").param(seatId).query(String.class).single();
    }

    /** The invitation SMS of the seat, as the expert's phone shows it. */
    public String sms(String seatId) {
        String sms = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT text_enc FROM sms_outbox WHERE idempotency_key = ?").param("invite:" + seatId)
                .query(String.class).optional().orElse(null), text -> text != null);
        return cipher.decrypt(sms);
    }

    /** The reply code the invitation SMS of the seat gives ("接受回复“1 CODE”"). */
    public String replyCode(String seatId) {
        Matcher code = REPLY_CODE.matcher(sms(seatId));
        if (!code.find()) {
            throw new AssertionError("the invitation SMS carries no reply code");
        }
        return code.group(1);
    }

    /** The seat's own process (expert-seat-confirmation), waiting for its expert's answer. */
    public ProcessInstance confirmationOf(String tenderId, String seatId) {
        int seatNo = jdbc.sql("SELECT seat_no FROM committee_seat WHERE id = ?").param(seatId).query(Integer.class).single();
        return runtime.createProcessInstanceQuery().processDefinitionKey("expert-seat-confirmation")
                .processInstanceBusinessKey(tenderId).list().stream()
                .filter(p -> ((Number) runtime.getVariable(p.getId(), "seat")).intValue() == seatNo).findFirst().orElseThrow();
    }

    public Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
    }

    /** The voice calls the local stand-in placed under the idempotency key, as it recorded them. */
    public List<JsonNode> voiceCalls(String idempotencyKey) throws IOException {
        Path file = Path.of("target/voice/calls.jsonl");
        List<JsonNode> calls = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode call = new ObjectMapper().readTree(line);
                if (call.get("idempotencyKey").asText().equals(idempotencyKey)) {
                    calls.add(call);
                }
            }
        }
        return calls;
    }

    /** Hex HMAC-SHA256 under the secret of timestamp, a line break and the body, as a gateway signs. */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "\n").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
