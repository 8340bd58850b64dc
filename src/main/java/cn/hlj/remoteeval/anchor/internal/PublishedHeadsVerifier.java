package cn.hlj.remoteeval.anchor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.audit.AuditChainHeads;
import cn.hlj.remoteeval.draw.DrawChainHeads;
import cn.hlj.remoteeval.draw.PublishedHeadsCheck;
import cn.hlj.remoteeval.draw.PublishedHeadsVerification;
import cn.hlj.remoteeval.draw.PublishedHeadsVerification.Fault;
import cn.hlj.remoteeval.draw.PublishedHeadsVerification.Finding;

/**
 * Compares every published statement with the chains as they are now. Each chain's own walk proves
 * its hashes fit together; this proves the hash at each published position is still the one published.
 * Together they leave an intruder only the part of a chain after the last statement.
 *
 * <p>Signatures are checked against the key configured now, never the one stored beside the statement:
 * whoever can rewrite the table could store a key of their own with a statement signed by it.
 */
@Component
class PublishedHeadsVerifier implements PublishedHeadsCheck {

    private final PublishedHeadStore store;
    private final DrawChainHeads drawChain;
    private final AuditChainHeads auditChain;
    private final HeadSigner signature;

    PublishedHeadsVerifier(PublishedHeadStore store, DrawChainHeads drawChain, AuditChainHeads auditChain,
            HeadSigner signature) {
        this.store = store;
        this.drawChain = drawChain;
        this.auditChain = auditChain;
        this.signature = signature;
    }

    @Override
    public PublishedHeadsVerification verify() {
        List<PublishedHead> heads = store.all();
        List<Finding> findings = new ArrayList<>();
        for (PublishedHead head : heads) {
            HeadStatement s = head.statement();
            if (!signature.verifies(s.bytes(), head.signature())) {
                // A statement that is not ours says nothing about the chains: its positions are not compared.
                findings.add(new Finding(s.date(), Fault.SIGNATURE_INVALID, null, s.date() + " 公布的链头声明签名无效（本省交换公钥指纹 "
                        + signature.fingerprint().orElse("未配置") + "）：声明在公布后被改动，或并非以本省交换密钥签名。"));
                continue;
            }
            if (s.drawSeq() > 0) {
                compare(findings, s, drawChain.recordHashAt(s.drawSeq()), s.drawHash(), s.drawSeq(), Fault.DRAW_RECORD_MISSING,
                        Fault.DRAW_HASH_MISMATCH, "抽取记录链序号 ");
            }
            if (s.auditSealNo() > 0) {
                compare(findings, s, auditChain.entryHashAt(s.auditSealNo()), s.auditHash(), s.auditSealNo(),
                        Fault.AUDIT_ENTRY_MISSING, Fault.AUDIT_HASH_MISMATCH, "审计日志链序号 ");
            }
        }
        return PublishedHeadsVerification.of(heads.size(), findings);
    }

    private static void compare(List<Finding> findings, HeadStatement s, Optional<String> now, String published, long position,
            Fault missing, Fault mismatch, String chain) {
        if (now.isEmpty()) {
            findings.add(new Finding(s.date(), missing, position, chain + position + " 的记录已不存在，而 " + s.date()
                    + " 公布的链头包含该记录：记录在公布后被删除。"));
        } else if (!now.get().equals(published)) {
            findings.add(new Finding(s.date(), mismatch, position, chain + position + " 的哈希与 " + s.date()
                    + " 公布的链头不一致：该序号及以前的记录在公布后被改写。"));
        }
    }
}
