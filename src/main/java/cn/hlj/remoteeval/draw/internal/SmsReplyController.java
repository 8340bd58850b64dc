package cn.hlj.remoteeval.draw.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.draw.internal.FailedReplyAttempts.Channel;
import cn.hlj.remoteeval.draw.internal.GatewayAnswers.ReplyOutcome;
import cn.hlj.remoteeval.notification.GatewayCallbacks.Gateway;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The SMS gateway's callback for an expert's reply (上行短信): {@code {"from": mobile, "text": reply}}
 * signed by the gateway. The reply counts like any other way of answering ({@link GatewayAnswers}).
 * Failures count per sender, known by a blind index of the number only.
 */
@RestController
@RequestMapping("/api/sms-gateway")
@Tag(name = "评标专家答复")
class SmsReplyController {

    private static final String VIA = "SMS reply";

    private final GatewayAnswers answers;
    private final ExpertDrawService draws;
    private final PersonalDataCipher cipher;

    SmsReplyController(GatewayAnswers answers, ExpertDrawService draws, PersonalDataCipher cipher) {
        this.answers = answers;
        this.draws = draws;
        this.cipher = cipher;
    }

    @PostMapping("/replies")
    @Operation(summary = "短信网关上行回调：专家回复", description = "请求头 X-Sms-Timestamp（秒）与 X-Sms-Signature"
            + "（HMAC-SHA256(共享密钥, 时间戳 + 换行 + 请求体) 的十六进制）。回复“1 应答码”接受，“2 应答码”不能参加。")
    ReplyOutcome reply(@RequestHeader(value = "X-Sms-Timestamp", required = false) String timestamp,
            @RequestHeader(value = "X-Sms-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return answers.answer(Gateway.SMS, timestamp, signature, body, "{\"from\": 手机号, \"text\": 短信内容}",
                List.of("from", "text"), this::reply);
    }

    private ReplyOutcome reply(Map<String, String> message) {
        String sender = cipher.blindIndex("sms-sender:" + message.get("from").replaceAll("\\D", ""));
        Optional<ReplyOutcome> blocked = answers.tooManyAttempts(Channel.SMS_SENDER, sender, VIA);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        Optional<SmsReplies.Reply> reply = SmsReplies.parse(message.get("text"));
        if (reply.isEmpty()) {
            return answers.notUnderstood(Channel.SMS_SENDER, sender, VIA, "请回复“1 应答码”确认参加，或“2 应答码”表示不能参加。");
        }
        return answers.settle(Channel.SMS_SENDER, sender, VIA, "UNKNOWN_CODE",
                () -> draws.answer(reply.get().replyCode(), reply.get().accept()));
    }
}
