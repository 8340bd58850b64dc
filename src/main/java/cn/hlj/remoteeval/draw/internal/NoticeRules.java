package cn.hlj.remoteeval.draw.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.internal.ChainVerification.Problem;

/**
 * The rules of seed derivation v2 as the chain check walks the records in order: notices are remembered
 * as they come, and each random draw is held against the notice it names. Records of v1 written before
 * the first notice are left to the v1 rules.
 */
final class NoticeRules {

    private static final Set<DrawKind> RANDOM = EnumSet.of(DrawKind.VENUE, DrawKind.EXPERT, DrawKind.HOSTED_EXPERT);

    private final EntropySources sources;
    private final Map<String, DrawRecord> noticesById = new HashMap<>();
    private final Set<String> noticedCommitments = new HashSet<>();
    private final Set<String> usedNotices = new HashSet<>();

    NoticeRules(EntropySources sources) {
        this.sources = sources;
    }

    /** The fault of this record, or null; call in sequence order, after the record's own hashes held. */
    ChainVerification check(DrawRecord record, long count) {
        if (record.kind() == DrawKind.NOTICE) {
            return notice(record, count);
        }
        if (!RANDOM.contains(record.kind())) {
            return null;
        }
        long seq = record.seq();
        if (!record.noticed()) {
            return noticesById.isEmpty() ? null : ChainVerification.broken(count, seq, Problem.NO_PRIOR_NOTICE,
                    "序号为 " + seq + " 的抽取记录没有在先的抽取公告（抽取前未作承诺，该次抽取无效）。");
        }
        DrawRecord notice = noticesById.get(record.noticeId());
        if (notice == null) {
            return ChainVerification.broken(count, seq, Problem.NO_PRIOR_NOTICE,
                    "序号为 " + seq + " 的抽取记录所指的抽取公告不在它之前（抽取前未作承诺，该次抽取无效）。");
        }
        if (!usedNotices.add(notice.id())) {
            return ChainVerification.broken(count, seq, Problem.NOTICE_REUSED,
                    "序号为 " + seq + " 的抽取记录使用了已被序号 " + notice.seq() + " 的公告用过的承诺（同一承诺重复抽取）。");
        }
        if (!notice.recordHash().equals(record.noticeHash()) || !notice.tenderId().equals(record.tenderId())
                || !notice.seedCommitment().equals(record.seedCommitment()) || !kindOf(notice).equals(Optional.of(record.kind()))) {
            return ChainVerification.broken(count, seq, Problem.NOTICE_MISMATCH,
                    "序号为 " + seq + " 的抽取记录与其抽取公告（序号 " + notice.seq() + "）的对象、类别或承诺值不符。");
        }
        if (record.snapshotAt().isBefore(notice.createdAt()) || record.snapshotAt().isAfter(record.createdAt())) {
            return ChainVerification.broken(count, seq, Problem.COMMITMENT_AFTER_SNAPSHOT,
                    "序号为 " + seq + " 的抽取记录在其抽取公告（序号 " + notice.seq() + "）之前已读取候选名单，"
                            + "或读取时间晚于记录时间（承诺晚于候选名单，该次抽取无效）。");
        }
        return entropy(record, notice, count).orElse(null);
    }

    long unused() {
        return noticesById.keySet().stream().filter(id -> !usedNotices.contains(id)).count();
    }

    private ChainVerification notice(DrawRecord notice, long count) {
        long seq = notice.seq();
        if (notice.seedCommitment() == null || !DrawNotices.ALGORITHM.equals(notice.algorithm()) || kindOf(notice).isEmpty()) {
            return ChainVerification.broken(count, seq, Problem.NOTICE_MISMATCH,
                    "序号为 " + seq + " 的抽取公告格式不符（缺少承诺值或抽取类别）。");
        }
        if (!noticedCommitments.add(notice.seedCommitment())) {
            return ChainVerification.broken(count, seq, Problem.NOTICE_REUSED,
                    "序号为 " + seq + " 的抽取公告重复使用了此前公告过的承诺值。");
        }
        noticesById.put(notice.id(), notice);
        return null;
    }

    private Optional<ChainVerification> entropy(DrawRecord record, DrawRecord notice, long count) {
        long seq = record.seq();
        SortedMap<String, SortedMap<String, String>> plans;
        SortedMap<String, SortedMap<String, String>> contributions;
        try {
            plans = NoticeText.plans(notice.request());
            contributions = NoticeText.contributions(record.entropy());
        } catch (IllegalArgumentException unreadable) {
            return Optional.of(ChainVerification.broken(count, seq, Problem.ENTROPY_INVALID,
                    "序号为 " + seq + " 的抽取记录的随机源记录无法读取。"));
        }
        if (!plans.keySet().equals(contributions.keySet())) {
            return Optional.of(ChainVerification.broken(count, seq, Problem.ENTROPY_INVALID,
                    "序号为 " + seq + " 的抽取记录所用的随机源与公告所定的不符。"));
        }
        for (Map.Entry<String, SortedMap<String, String>> planned : plans.entrySet()) {
            Optional<String> fault = sources.source(planned.getKey())
                    .map(source -> source.check(planned.getValue(), contributions.get(planned.getKey()), record.snapshotAt()))
                    .orElse(Optional.of("随机源 " + planned.getKey() + " 无法在本系统核验。"));
            if (fault.isPresent()) {
                return Optional.of(ChainVerification.broken(count, seq, Problem.ENTROPY_INVALID,
                        "序号为 " + seq + " 的抽取记录：" + fault.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<DrawKind> kindOf(DrawRecord notice) {
        try {
            return Optional.of(NoticeText.drawKind(notice.request()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
