package cn.hlj.remoteeval.crossprovince.exchange;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The keys of the exchange as operators handle them at a joint test: this province's public key to
 * give the partner, and the partner's public key to enter in the register.
 */
@RestController
@Tag(name = "跨省交换")
class ExchangeKeyController {

    private final JdbcExchangeRecords records;
    private final CurrentActor actor;
    private final AuditLog audit;
    private final Clock clock;
    private final EnvelopeSealing sealing;

    ExchangeKeyController(JdbcExchangeRecords records, CurrentActor actor, AuditLog audit, Clock clock, EnvelopeSealing sealing) {
        this.records = records;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
        this.sealing = sealing;
    }

    @Schema(name = "ExchangePublicKey", description = "SM2 公钥（未压缩点，十六进制）")
    record PublicKey(String province, String publicKey) {
    }

    @GetMapping("/api/exchange/public-key")
    @Operation(summary = "本省的交换公钥（仅运维）", description = "联调测试时提供给合作省份登记。")
    PublicKey ours() {
        requireOperator();
        return new PublicKey(sealing.province(), sealing.publicKey().orElseThrow(() -> ApiProblemException.conflict(
                "本省尚未配置交换密钥（remote-eval.exchange.private-key）。", null, null)));
    }

    @PutMapping("/api/partner-provinces/{code}/exchange-key")
    @Operation(summary = "登记合作省份的交换公钥（仅运维）", description = "用于验证该省报文的 SM2 签名，并为其密封报文。")
    PublicKey register(@PathVariable String code, @RequestBody(required = false) PublicKey request) {
        requireOperator();
        String key = request == null || request.publicKey() == null ? null : request.publicKey().strip().toLowerCase();
        if (key == null || !NationalCrypto.isPublicKey(key)) {
            throw ApiProblemException.invalid("publicKey", "应为 SM2 公钥：04 开头的 130 位十六进制（未压缩点）");
        }
        code = ExchangeMonitorController.code(code);
        if (!records.registerKey(code, key)) {
            throw ApiProblemException.notFound("合作省份不存在：" + code);
        }
        audit.append(clock.instant(), actor.userId(), "PARTNER_EXCHANGE_KEY_SET", "PARTNER_PROVINCE", code,
                "sm3=" + NationalCrypto.sm3Hex(key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return new PublicKey(code, key);
    }

    private void requireOperator() {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("交换密钥仅运维人员可以查看和登记。");
        }
    }
}
