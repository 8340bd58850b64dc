package cn.hlj.remoteeval.draw.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.notification.GatewayCallbacks;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * What the gateways' answer callbacks (SMS reply, voice key press) have in common: the signed call is
 * admitted, its JSON read and only then remembered as heard, a party with too many failures is not heard, and an answer settles
 * an invitation under the one rule (first answer counts, a later one changes nothing and says so).
 * What a callback answers ({@code result}, {@code message}) is what the gateway may tell the expert.
 * Nothing logged names the party, the code or the seat.
 */
@Component
class GatewayAnswers {

    private static final Logger log = LoggerFactory.getLogger(GatewayAnswers.class);

    private final GatewayCallbacks callbacks;
    private final FailedReplyAttempts failures;
    private final ObjectMapper json;

    GatewayAnswers(GatewayCallbacks callbacks, FailedReplyAttempts failures, ObjectMapper json) {
        this.callbacks = callbacks;
        this.failures = failures;
        this.json = json;
    }

    record ReplyOutcome(String result, String message) {
    }

    /**
     * Hands the admitted call's fields, each present and not blank (else a 400 naming the first missing
     * one), to {@code answering}; the call counts as heard once the answer is in.
     */
    ReplyOutcome answer(GatewayCallbacks.Gateway gateway, String timestamp, String signature, byte[] body, String shape,
            List<String> fields, Function<Map<String, String>, ReplyOutcome> answering) {
        byte[] raw = body == null ? new byte[0] : body;
        return callbacks.admit(gateway, timestamp, signature, raw, () -> answering.apply(fields(raw, shape, fields)));
    }

    private Map<String, String> fields(byte[] raw, String shape, List<String> fields) {
        JsonNode message;
        try {
            message = json.readTree(raw);
        } catch (IOException e) {
            throw ApiProblemException.invalid("body", "请求体应为 JSON：" + shape);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode value = message == null ? null : message.get(field);
            if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                throw ApiProblemException.invalid(field, "不能为空");
            }
            values.put(field, value.asText());
        }
        return values;
    }

    /** The answer when the party has failed too often lately, else nothing. */
    Optional<ReplyOutcome> tooManyAttempts(FailedReplyAttempts.Channel channel, String party, String via) {
        if (!failures.blocked(channel, party)) {
            return Optional.empty();
        }
        log.warn("{} refused: too many failed answers from its party", via);
        return Optional.of(new ReplyOutcome("TOO_MANY_ATTEMPTS", "答复错误次数过多，请稍后再试或联系交易中心。"));
    }

    /** A failure that is no answer at all (a text that is no reply), counted against the party. */
    ReplyOutcome notUnderstood(FailedReplyAttempts.Channel channel, String party, String via, String message) {
        failures.failed(channel, party);
        log.info("{} not understood", via);
        return new ReplyOutcome("NOT_UNDERSTOOD", message);
    }

    /**
     * Settles the invitation; an invitation not found is a failure of the party, answered as
     * {@code unknown} with the finder's message and nothing more.
     */
    ReplyOutcome settle(FailedReplyAttempts.Channel channel, String party, String via, String unknown,
            Supplier<ExpertDrawService.AnswerOutcome> answering) {
        try {
            ExpertDrawService.AnswerOutcome answered = answering.get();
            log.info("{} settled an invitation: {}", via, answered.name());
            return new ReplyOutcome(answered.name(), answered.message());
        } catch (ApiProblemException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                log.info("{} to an invitation already settled: nothing changed", via);
                return new ReplyOutcome("ALREADY_SETTLED", e.getMessage());
            }
            failures.failed(channel, party);
            log.info("{} found no invitation ({})", via, unknown);
            return new ReplyOutcome(unknown, e.getMessage());
        }
    }
}
