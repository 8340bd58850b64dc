package cn.hlj.remoteeval.draw.internal;

import java.util.List;
import java.util.Map;

import cn.hlj.remoteeval.draw.internal.ChainVerification.Problem;

/**
 * Walks the draw chain in sequence order and reports the first record at fault. For record
 * number i (from 1): its sequence number must be i (else record i is missing), its eligible list
 * must give its eligible-list hash, its secret must be there and match its seed commitment, its
 * fields and secret must give its record hash, and its previous hash must be the record hash of
 * record i − 1 (64 zeros for record 1). Finally the chain head must name the last record's
 * sequence number and hash, which is how a deleted last record shows. The check runs on the
 * server, which holds the secrets also before they are revealed.
 *
 * <p>Notices (seed derivation v2, {@link NoticeRules}): once the chain holds a notice, every later random
 * draw must name an earlier notice of its subject and kind with its commitment, used by no other draw,
 * written before its eligible list was read, and carry the entropy that notice planned, checked by its
 * source.
 */
final class ChainVerifier {

    private ChainVerifier() {
    }

    static ChainVerification verify(List<DrawRecord> recordsInSeqOrder, Map<String, String> secretsById, ChainHead head,
            EntropySources sources) {
        long count = recordsInSeqOrder.size();
        NoticeRules notices = new NoticeRules(sources);
        long expectedSeq = 1;
        String expectedPrevious = DrawRecord.GENESIS_HASH;
        for (DrawRecord record : recordsInSeqOrder) {
            if (record.seq() != expectedSeq) {
                return ChainVerification.broken(count, expectedSeq, Problem.RECORD_MISSING,
                        "序号为 " + expectedSeq + " 的抽取记录缺失（记录被删除或序号不连续）。");
            }
            if (!record.eligibleListMatchesHash()) {
                return ChainVerification.broken(count, record.seq(), Problem.ELIGIBLE_LIST_CHANGED,
                        "序号为 " + record.seq() + " 的抽取记录的候选名单与其哈希不符（候选名单被修改）。");
            }
            String secret = secretsById.get(record.id());
            if (!record.secretMatches(secret)) {
                return ChainVerification.broken(count, record.seq(), Problem.SECRET_CHANGED,
                        "序号为 " + record.seq() + " 的抽取记录的随机种子缺失或与承诺值不符（种子被删除或修改）。");
            }
            if (!record.recordHashValid(secret)) {
                return ChainVerification.broken(count, record.seq(), Problem.RECORD_CHANGED,
                        "序号为 " + record.seq() + " 的抽取记录的内容与记录哈希不符（记录被修改）。");
            }
            if (!expectedPrevious.equals(record.previousHash())) {
                return ChainVerification.broken(count, record.seq(), Problem.PREVIOUS_HASH_MISMATCH,
                        "序号为 " + record.seq() + " 的抽取记录所载的前一记录哈希与实际不符（前面的记录被替换）。");
            }
            ChainVerification noticeFault = notices.check(record, count);
            if (noticeFault != null) {
                return noticeFault;
            }
            expectedPrevious = record.recordHash();
            expectedSeq++;
        }
        long lastSeq = expectedSeq - 1;
        if (head.lastSeq() != lastSeq || !head.lastHash().equals(expectedPrevious)) {
            long firstBroken = Math.min(head.lastSeq(), lastSeq) + (head.lastSeq() == lastSeq ? 0 : 1);
            return ChainVerification.broken(count, firstBroken, Problem.HEAD_MISMATCH,
                    "链头记载的最后一条记录（序号 " + head.lastSeq() + "）与实际的最后一条记录（序号 " + lastSeq
                            + "）不符（末尾的记录被删除，或有记录未经登记程序写入）。");
        }
        return ChainVerification.intact(count, notices.unused());
    }
}
