package cn.hlj.remoteeval.draw.internal;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.notification.SmsGatewayCallbacks;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The SMS gateway's callback for an expert's reply (上行短信): {@code {"from": mobile, "text": reply}}
 * signed by the gateway. The reply counts like any other way of answering: the first answer settles
 * the invitation, a later one changes nothing and says so. What the callback answers ({@code result},
 * {@code message}) is what the gateway may send back to the expert. Nothing logged names the sender
 * or the reply code.
 */
@RestController
@RequestMapping("/api/sms-gateway")
@Tag(name = "评标专家答复")
class SmsReplyController {

    private static final Logger log = LoggerFactory.getLogger(SmsReplyController.class);

    private final SmsGatewayCallbacks callbacks;
    private final ExpertDrawService draws;
    private final FailedReplyAttempts failures;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    SmsReplyController(SmsGatewayCallbacks callbacks, ExpertDrawService draws, FailedReplyAttempts failures,
            PersonalDataCipher cipher, ObjectMapper json) {
        this.callbacks = callbacks;
        this.draws = draws;
        this.failures = failures;
        this.cipher = cipher;
        this.json = json;
    }

    record ReplyOutcome(String result, String message) {
    }

    @PostMapping("/replies")
    @Operation(summary = "短信网关上行回调：专家回复", description = "请求头 X-Sms-Timestamp（秒）与 X-Sms-Signature"
            + "（HMAC-SHA256(共享密钥, 时间戳 + 换行 + 请求体) 的十六进制）。回复“1 应答码”接受，“2 应答码”不能参加。")
    ReplyOutcome reply(@RequestHeader(value = "X-Sms-Timestamp", required = false) String timestamp,
            @RequestHeader(value = "X-Sms-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        callbacks.admit(timestamp, signature, raw);
        JsonNode message;
        try {
            message = json.readTree(raw);
        } catch (IOException e) {
            throw ApiProblemException.invalid("body", "请求体应为 JSON：{\"from\": 手机号, \"text\": 短信内容}");
        }
        String from = message == null ? null : text(message, "from");
        String text = message == null ? null : text(message, "text");
        if (from == null || text == null) {
            throw ApiProblemException.invalid(from == null ? "from" : "text", "不能为空");
        }
        String sender = cipher.blindIndex("sms-sender:" + from.replaceAll("\\D", ""));
        if (failures.blocked(sender)) {
            log.warn("SMS reply refused: too many failed replies from its sender");
            return new ReplyOutcome("TOO_MANY_ATTEMPTS", "答复错误次数过多，请稍后再试或联系交易中心。");
        }
        Optional<SmsReplies.Reply> reply = SmsReplies.parse(text);
        if (reply.isEmpty()) {
            failures.failed(sender);
            log.info("SMS reply not understood");
            return new ReplyOutcome("NOT_UNDERSTOOD", "请回复“1 应答码”确认参加，或“2 应答码”表示不能参加。");
        }
        try {
            ExpertDrawService.AnswerOutcome answered = draws.answer(reply.get().replyCode(), reply.get().accept());
            ReplyOutcome outcome = new ReplyOutcome(answered.name(), answered.message());
            log.info("SMS reply settled an invitation: {}", outcome.result());
            return outcome;
        } catch (ApiProblemException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                log.info("SMS reply to an invitation already settled: nothing changed");
                return new ReplyOutcome("ALREADY_SETTLED", e.getMessage());
            }
            failures.failed(sender);
            log.info("SMS reply with an unknown reply code");
            return new ReplyOutcome("UNKNOWN_CODE", e.getMessage());
        }
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
