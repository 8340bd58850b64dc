package cn.hlj.remoteeval.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.hlj.remoteeval.audit.AuditChainVerification;
import cn.hlj.remoteeval.audit.AuditChainVerification.Fault;

/**
 * Walks the audit chain in seal order and reports the first entry at fault. Entry number i (from 1)
 * must carry seal number i, its fields must give its entry hash, and its previous hash must be the
 * entry hash of entry i − 1 (64 zeros for entry 1); the head must name the last entry. An intact
 * chain with an entry left unsealed for much longer than the sealer's schedule is still reported,
 * because an entry the sealer never reaches is one nobody would notice being changed.
 */
final class AuditChainVerifier {

    /** The sealer runs every minute by default; ten missed runs mean it is not running at all. */
    static final Duration UNSEALED_LIMIT = Duration.ofMinutes(10);

    private AuditChainVerifier() {
    }

    static AuditChainVerification verify(List<SealedEntry> entriesInSealOrder, AuditChainHead head, long unsealed,
            Instant oldestUnsealed, Instant now) {
        long count = entriesInSealOrder.size();
        Long age = oldestUnsealed == null ? null : Math.max(0, Duration.between(oldestUnsealed, now).toSeconds());
        long expectedSealNo = 1;
        String expectedPrevious = AuditHash.GENESIS;
        for (SealedEntry entry : entriesInSealOrder) {
            if (entry.sealNo() != expectedSealNo) {
                return broken(count, expectedSealNo, Fault.GAP, "封存序号为 " + expectedSealNo + " 的审计记录缺失（记录被删除或序号不连续）。",
                        unsealed, age);
            }
            if (!AuditHash.entryHash(entry).equals(entry.entryHash())) {
                return broken(count, entry.sealNo(), Fault.HASH_MISMATCH,
                        "封存序号为 " + entry.sealNo() + " 的审计记录的内容与其哈希不符（记录被修改）。", unsealed, age);
            }
            if (!expectedPrevious.equals(entry.prevHash())) {
                return broken(count, entry.sealNo(), Fault.BROKEN_LINK,
                        "封存序号为 " + entry.sealNo() + " 的审计记录所载的前一记录哈希与实际不符（前面的记录被替换）。", unsealed, age);
            }
            expectedPrevious = entry.entryHash();
            expectedSealNo++;
        }
        long last = expectedSealNo - 1;
        if (head.sealNo() != last || !head.hash().equals(expectedPrevious)) {
            long firstBroken = Math.min(head.sealNo(), last) + (head.sealNo() == last ? 0 : 1);
            return broken(count, firstBroken, Fault.HEAD_MISMATCH, "链头记载的最后一条审计记录（封存序号 " + head.sealNo()
                    + "）与实际的最后一条（封存序号 " + last + "）不符（末尾的记录被删除，或有记录未经封存程序封存）。", unsealed, age);
        }
        if (age != null && age > UNSEALED_LIMIT.toSeconds()) {
            return new AuditChainVerification(count, false, null, Fault.UNSEALED_TOO_LONG,
                    "有审计记录超过 " + UNSEALED_LIMIT.toMinutes() + " 分钟仍未封存（封存任务可能未运行）。", unsealed, age);
        }
        return new AuditChainVerification(count, true, null, null, null, unsealed, age);
    }

    private static AuditChainVerification broken(long count, long sealNo, Fault fault, String problem, long unsealed,
            Long age) {
        return new AuditChainVerification(count, false, sealNo, fault, problem, unsealed, age);
    }
}
