package cn.hlj.remoteeval.crossprovince.exchange;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;

/**
 * The operators' view of the exchange (the workbench page 跨省报文 reads it): traffic per partner, the
 * messages each way, and what to do with a dead letter. Operators only: the ids and numbers say which
 * tenders cross the border and when.
 */
@RestController
@Tag(name = "跨省交换")
class ExchangeMonitorController {

    private final ExchangeMonitor monitor;
    private final JdbcExchangeRecords records;
    private final ExchangeDeliveryProperties delivery;
    private final CurrentActor actor;
    private final AuditLog audit;
    private final java.time.Clock clock;

    ExchangeMonitorController(ExchangeMonitor monitor, JdbcExchangeRecords records, ExchangeDeliveryProperties delivery,
            CurrentActor actor, AuditLog audit, java.time.Clock clock) {
        this.monitor = monitor;
        this.records = records;
        this.delivery = delivery;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/exchange/partners")
    @Operation(summary = "各合作省份的报文往来（仅运维）", description = "已发送与已处理的序号、各状态的报文数、正在等待的序号。")
    List<ExchangeMonitor.PartnerTraffic> traffic() {
        requireOperator();
        return monitor.traffic();
    }

    @GetMapping("/api/exchange/messages")
    @Operation(summary = "报文列表（仅运维）", description = "direction=OUT 发出，IN 收到；不含报文内容。最多 200 条，最新在前。")
    List<ExchangeMonitor.MessageRow> messages(@RequestParam(defaultValue = "OUT") String direction,
            @RequestParam(required = false) String partner, @RequestParam(required = false) String state) {
        requireOperator();
        String wanted = state == null || state.isBlank() ? null : state.strip().toUpperCase();
        String from = partner == null || partner.isBlank() ? null : partner.strip().toUpperCase();
        if ("OUT".equalsIgnoreCase(direction)) {
            if (!ExchangeMonitor.knownOutboxState(wanted)) {
                throw ApiProblemException.invalid("state", "发出报文的状态应为 PENDING、SENDING、DELIVERED、REFUSED 或 DEAD");
            }
            return monitor.outgoing(from, wanted);
        }
        if ("IN".equalsIgnoreCase(direction)) {
            if (!ExchangeMonitor.knownInboxState(wanted)) {
                throw ApiProblemException.invalid("state", "收到报文的状态应为 RECEIVED、HANDLED、FAILED、SKIPPED 或 LATE");
            }
            return monitor.incoming(from, wanted);
        }
        throw ApiProblemException.invalid("direction", "应为 OUT（发出）或 IN（收到）");
    }

    @PostMapping("/api/exchange/messages/out/{messageId}/resend")
    @Operation(summary = "重新发送被拒收或已放弃的报文（仅运维）", description = "在排除原因（密钥、时钟、地址）后使用；报文编号与序号不变，重新签名。")
    ResponseEntity<Void> resend(@PathVariable String messageId) {
        String operator = requireOperator();
        if (!monitor.resend(messageId, operator)) {
            throw ApiProblemException.conflict("该报文不存在，或不是被拒收、已放弃的报文。", null, null);
        }
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/exchange/messages/in/{sender}/{messageId}/retry")
    @Operation(summary = "重新处理收到的死信报文（仅运维）")
    ResponseEntity<Void> retry(@PathVariable String sender, @PathVariable String messageId) {
        String operator = requireOperator();
        if (!monitor.retry(code(sender), messageId, operator)) {
            throw ApiProblemException.conflict("该报文不存在，或不是处理失败的报文。", null, null);
        }
        return ResponseEntity.accepted().build();
    }

    @Schema(name = "ExchangeSkip", description = "跳过一个序号：处理失败的报文（messageId），或一直未到达的序号（不填 messageId）")
    record Skip(Long sequence, String messageId) {
    }

    @PostMapping("/api/exchange/partners/{sender}/skip")
    @Operation(summary = "跳过合作省份的一个序号（仅运维）",
            description = "与对方确认该报文已另行处理或作废后使用，之后的报文才能继续处理；记入审计日志。")
    ResponseEntity<Void> skip(@PathVariable String sender, @RequestBody(required = false) Skip request) {
        String operator = requireOperator();
        if (request == null || request.sequence() == null || request.sequence() < 1) {
            throw ApiProblemException.invalid("sequence", "请填写要跳过的序号（正整数）");
        }
        String partner = code(sender);
        // A partner is named by its province code; anything else has no sequence to skip (and no counter row).
        if (!partner.matches("[A-Z]{2,8}")) {
            throw ApiProblemException.notFound("没有这个合作省份：" + abbreviated(sender));
        }
        String messageId = request.messageId() == null || request.messageId().isBlank() ? null : request.messageId().strip();
        if (!monitor.skip(partner, messageId, request.sequence(), operator)) {
            throw ApiProblemException.conflict("只能跳过该省正在等待的下一个序号：处理失败的报文，或尚未到达的序号。", "sequence",
                    "不是正在等待的序号");
        }
        return ResponseEntity.accepted().build();
    }

    @Schema(name = "ExchangeEndpoint", description = "合作省份节点的报文接收地址")
    record Endpoint(String province, String endpoint) {
    }

    @PutMapping("/api/partner-provinces/{code}/exchange-endpoint")
    @Operation(summary = "登记合作省份的报文接收地址（仅运维）", description = "如 https://jl.example.cn/exchange/v1/messages；省际之间必须使用 https。")
    Endpoint registerEndpoint(@PathVariable String code, @RequestBody(required = false) Endpoint request) {
        String operator = requireOperator();
        String text = request == null || request.endpoint() == null ? "" : request.endpoint().strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw ApiProblemException.invalid("endpoint", "不是合法的网址");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (text.length() > 300 || uri.getHost() == null || !(https || (http && delivery.plainHttpAllowed()))) {
            throw ApiProblemException.invalid("endpoint", delivery.plainHttpAllowed() ? "应为 http:// 或 https:// 开头的完整网址（不超过 300 字符）"
                    : "应为 https:// 开头的完整网址（不超过 300 字符）；省际之间不允许明文 http");
        }
        if (!records.registerEndpoint(code(code), text)) {
            throw ApiProblemException.notFound("合作省份不存在：" + code);
        }
        audit.append(clock.instant(), operator, "PARTNER_EXCHANGE_ENDPOINT_SET", "PARTNER_PROVINCE", code(code), "endpoint=" + text);
        return new Endpoint(code(code), text);
    }

    /** Province codes are capitals wherever they are stored; an address typed in lower case means the same. */
    private static String abbreviated(String value) {
        return value.length() <= 16 ? value : value.substring(0, 16) + "…";
    }

    static String code(String value) {
        return value == null ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private String requireOperator() {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("跨省报文仅运维人员可以查看和处理。");
        }
        return actor.userId();
    }
}
