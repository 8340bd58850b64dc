package cn.hlj.remoteeval.crossprovince.exchange;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The address partner provinces deliver to ({@code POST /exchange/v1/messages}, the envelope of message
 * set 1 as the body). No login: the registered partner's SM2 signature is the credential. A refusal
 * answers its reason as problem+json ({@code reason}), never the message's content.
 */
@RestController
@Tag(name = "跨省交换")
class ExchangeInboxController {

    private final ExchangeInbox inbox;

    ExchangeInboxController(ExchangeInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping(path = "/exchange/v1/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "接收合作省份的报文", description = "验证签名、时间和报文规范后接收；同一报文重复投递时返回首次的答复。")
    ResponseEntity<Object> deliver(@RequestBody(required = false) byte[] message) {
        if (message == null || message.length == 0) {
            return refusal(HttpStatus.BAD_REQUEST, RefusalReason.MALFORMED, "报文为空");
        }
        if (message.length > ExchangeInbox.MAX_BYTES) {
            return refusal(HttpStatus.PAYLOAD_TOO_LARGE, RefusalReason.MALFORMED, "报文超过 " + ExchangeInbox.MAX_BYTES + " 字节");
        }
        try {
            ExchangeInbox.Receipt receipt = inbox.deliver(message);
            return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                    .body(Map.of("messageId", receipt.messageId(), "answer", receipt.answer(), "duplicate", receipt.duplicate()));
        } catch (EnvelopeRefused refused) {
            HttpStatus status = refused.reason() == RefusalReason.MALFORMED ? HttpStatus.BAD_REQUEST
                    : HttpStatus.UNPROCESSABLE_ENTITY;
            return refusal(status, refused.reason(), refused.getMessage());
        }
    }

    private static ResponseEntity<Object> refusal(HttpStatus status, RefusalReason reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("报文被拒收");
        problem.setProperty("reason", reason.name());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
