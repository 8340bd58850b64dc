package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.hlj.remoteeval.audit.AuditChain;
import cn.hlj.remoteeval.audit.AuditChainVerification;
import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.PublishedHeadsCheck;
import cn.hlj.remoteeval.draw.PublishedHeadsVerification;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/draws")
@Tag(name = "随机抽取记录")
class DrawController {

    private final DrawRecords records;
    private final Tenders tenders;
    private final CurrentActor actor;
    private final AuditChain auditChain;
    private final DrawRecordExports exports;
    private final ObjectProvider<PublishedHeadsCheck> publishedHeads;

    DrawController(DrawRecords records, Tenders tenders, CurrentActor actor, AuditChain auditChain,
            DrawRecordExports exports, ObjectProvider<PublishedHeadsCheck> publishedHeads) {
        this.records = records;
        this.tenders = tenders;
        this.actor = actor;
        this.auditChain = auditChain;
        this.exports = exports;
        this.publishedHeads = publishedHeads;
    }

    /** The draw chain's check as before, with the audit chain's beside it: one operator command for both. */
    @Schema(name = "ChainVerification")
    record ChainCheckView(long records, boolean intact, Long firstBrokenSeq, ChainVerification.Problem problemCode,
            String problem,
            @Schema(description = "未被任何抽取使用的抽取公告数（未完成的抽取尝试，逐条可查）") long unusedNotices,
            @Schema(description = "审计日志哈希链的校验结果") AuditChainVerification auditLog,
            @Schema(description = "与每日公布的链头声明的比对结果（签名及公布时的记录哈希）") PublishedHeadsVerification publishedHeads) {

        static ChainCheckView of(ChainVerification draws, AuditChainVerification auditLog,
                PublishedHeadsVerification publishedHeads) {
            return new ChainCheckView(draws.records(), draws.intact(), draws.firstBrokenSeq(), draws.problemCode(),
                    draws.problem(), draws.unusedNotices(), auditLog, publishedHeads);
        }
    }

    @Schema(name = "Draw", description = "抽取记录。评标结束前只含承诺值与哈希，不含随机种子、候选名单和抽取结果。")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DrawView(String id, long seq, DrawKind kind, String tenderId, String algorithm,
            @Schema(description = "随机种子的 SHA-256（十六进制）") String seedCommitment,
            @Schema(description = "候选名单规范文本的 SHA-256") String eligibleListHash, String previousHash,
            String recordHash, Instant createdAt, @Schema(description = "是否已公开（评标结束后公开）") boolean revealed,
            Instant revealedAt, @Schema(description = "随机种子（十六进制），公开后才有；协商确定的记录为随机盐值") String seed, String eligibleList,
            String request, String result, String actor,
            @Schema(description = "抽取公告的记录编号（抽取前公布的承诺）") String noticeId,
            @Schema(description = "读取候选名单的时间") Instant snapshotAt,
            @Schema(description = "外部随机源（随机信标的轮次与签名等），抽取后即可公开") String entropy) {

        static DrawView of(DrawRecord record, SeedState seed) {
            if (!seed.revealed()) {
                return new DrawView(record.id(), record.seq(), record.kind(), record.tenderId(), record.algorithm(),
                        record.seedCommitment(), record.eligibleListHash(), record.previousHash(), record.recordHash(),
                        record.createdAt(), false, null, null, null, null, null, null, record.noticeId(),
                        record.snapshotAt(), record.entropy());
            }
            return new DrawView(record.id(), record.seq(), record.kind(), record.tenderId(), record.algorithm(),
                    record.seedCommitment(), record.eligibleListHash(), record.previousHash(), record.recordHash(),
                    record.createdAt(), true, seed.revealedAt(), seed.seedHex(), record.eligibleList(), record.request(),
                    record.result(), record.actor(), record.noticeId(), record.snapshotAt(), record.entropy());
        }
    }

    @GetMapping("/chain-verification")
    @Operation(summary = "校验全部抽取记录的哈希链及审计日志哈希链（仅运维）", description = "逐条核对序号、候选名单哈希、记录哈希和前一记录哈希，"
            + "并核对链头；报告第一条出错的序号。auditLog 为审计日志哈希链的同样校验（先封存已提交的审计记录）；"
            + "publishedHeads 核对每日公布的链头声明的签名，以及两条链在公布的序号上是否仍是公布的哈希。")
    ChainCheckView chainVerification() {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("抽取记录链的校验仅运维人员可执行。");
        }
        // One after the other, never inside each other: holding both heads' locks at once could deadlock
        // with a draw transaction that appends its audit entry.
        ChainVerification draws = records.verifyChain();
        AuditChainVerification audit = auditChain.verify();
        PublishedHeadsCheck published = publishedHeads.getIfAvailable();
        return ChainCheckView.of(draws, audit, published == null ? null : published.verify());
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看抽取记录", description = "运维人员及主场交易中心工作人员、行政监督部门可查看；评标结束前不含随机种子、候选名单和抽取结果。")
    DrawView get(@PathVariable String id) {
        DrawRecord record = readable(id);
        return DrawView.of(record, records.seedOf(id));
    }

    @GetMapping("/{id}/verification")
    @Operation(summary = "复核抽取结果", description = "评标结束、随机种子公开后，按记录中的算法版本重新计算并与记录的结果比对。")
    DrawVerification verification(@PathVariable String id) {
        return records.verify(readable(id));
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "导出已公开的抽取记录（本省签名）", description = "评标结束、随机种子公开后，导出含记录全部字段、随机种子和本省 SM2 签名的 JSON 文件"
            + "（格式 remote-eval/draw-record-export/v2；无抽取公告的记录为 v1），可用独立校验程序 remote-eval-<版本>-verifier.jar 离线复核。")
    ResponseEntity<byte[]> export(@PathVariable String id) {
        DrawRecord record = readable(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"draw-record-" + record.seq() + ".json\"")
                .body(exports.export(record));
    }

    private DrawRecord readable(String id) {
        DrawRecord record = records.find(id).orElseThrow(() -> DrawRecords.notFound(id));
        String mainCenter = tenders.find(record.tenderId()).map(TenderFacts::mainCenter).orElse(null);
        if (!actor.isOperator() && !actor.isStaffOf(mainCenter) && !actor.isSupervisorOf(mainCenter)) {
            throw ApiProblemException.forbidden("抽取记录仅运维人员及该标段主场交易中心的工作人员、行政监督部门可查看。");
        }
        return record;
    }
}
