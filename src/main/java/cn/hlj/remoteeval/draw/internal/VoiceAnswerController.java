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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The voice platform's callback with the key an expert pressed after the automated call:
 * {@code {"correlation": the call's correlation, "key": "1"|"2"}}, signed by the platform. The
 * correlation is the seat id the call was placed with ({@link ExpertNotices#call}); the key counts
 * like any other way of answering ({@link GatewayAnswers}). Another key is no answer: the invitation
 * stays open. Correlations of no call count as failures per client address.
 */
@RestController
@RequestMapping("/api/voice-gateway")
@Tag(name = "评标专家答复")
class VoiceAnswerController {

    private static final String VIA = "Voice answer";

    private final GatewayAnswers answers;
    private final ExpertDrawService draws;

    VoiceAnswerController(GatewayAnswers answers, ExpertDrawService draws) {
        this.answers = answers;
        this.draws = draws;
    }

    @PostMapping("/answers")
    @Operation(summary = "语音外呼按键回调：专家按键答复", description = "请求头 X-Voice-Timestamp（秒）与 X-Voice-Signature"
            + "（HMAC-SHA256(共享密钥, 时间戳 + 换行 + 请求体) 的十六进制）。correlation 为外呼时给出的关联标识；按 1 接受，按 2 不能参加。")
    ReplyOutcome answer(@RequestHeader(value = "X-Voice-Timestamp", required = false) String timestamp,
            @RequestHeader(value = "X-Voice-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        return answers.answer(Gateway.VOICE, timestamp, signature, body, "{\"correlation\": 外呼关联标识, \"key\": 按键}",
                List.of("correlation", "key"), call -> answer(call, client));
    }

    private ReplyOutcome answer(Map<String, String> call, String client) {
        Optional<ReplyOutcome> blocked = answers.tooManyAttempts(Channel.VOICE_CLIENT, client, VIA);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        String key = call.get("key").strip();
        if (!key.equals("1") && !key.equals("2")) {
            return new ReplyOutcome("NOT_UNDERSTOOD", "接受请按 1，不能参加请按 2。");
        }
        return answers.settle(Channel.VOICE_CLIENT, client, VIA, "UNKNOWN_CALL",
                () -> draws.answerCall(call.get("correlation").strip(), key.equals("1")));
    }
}
