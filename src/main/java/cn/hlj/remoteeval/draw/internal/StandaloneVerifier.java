package cn.hlj.remoteeval.draw.internal;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.hlj.remoteeval.draw.beacon.DrandChain;

/**
 * The standalone verifier of an exported draw record ({@value DrawRecordExport#FORMAT_V1} and
 * {@value DrawRecordExport#FORMAT_V2}):
 * {@code java -jar remote-eval-<version>-verifier.jar [--key <public key hex>] record.json}. With the JDK
 * and the classes its jar carries only (no Spring, no database, no network) it checks the province's
 * signature, the seed against its commitment, the eligible list against its hash and the record hash,
 * and reruns the recorded algorithm with the production classes that drew. For a draw of seed derivation v2
 * it also checks the notice and the beacon entropy with the chain check's own rules ({@link NoticeRules}),
 * drand quicknet against the key pinned here ({@link DrandChain#QUICKNET}). It prints a report and
 * exits with {@value #VERIFIED} when every check passes, {@value #FAILED} when any fails and
 * {@value #UNREADABLE} when the input cannot be read as such a document.
 */
public final class StandaloneVerifier {

    static final int VERIFIED = 0;
    static final int FAILED = 1;
    static final int UNREADABLE = 2;
    static final String REPRODUCED = "校验通过，抽取结果可复现 / VERIFIED: the draw result is reproduced";

    private StandaloneVerifier() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.exit(run(args, out));
    }

    /**
     * The algorithms the verifier can rerun: every published version the application registers as a bean (a
     * test compares the two), constructed here because the verifier runs without Spring.
     */
    static List<DrawAlgorithm> algorithms() {
        return List.of(new VenueDrawAlgorithm(), new ExpertDrawAlgorithm());
    }

    private static DrawVerifier drawVerifier() {
        return new DrawVerifier(new DrawAlgorithms(algorithms()));
    }

    static int run(String[] args, PrintStream out) {
        String pinnedKey = null;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                pinnedKey = args[++i].strip().toLowerCase(Locale.ROOT);
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                return usage(out);
            }
        }
        if (file == null) {
            return usage(out);
        }
        byte[] document;
        try {
            document = Files.readAllBytes(Path.of(file));
        } catch (IOException | InvalidPathException e) {
            out.println("无法读取文件 / Cannot read the file: " + file + " (" + e.getMessage() + ")");
            return UNREADABLE;
        }
        out.println("文件 / File: " + file);
        return verify(document, pinnedKey, out);
    }

    /** Checks one document and prints the report; answers the exit code. */
    static int verify(byte[] document, String pinnedKey, PrintStream out) {
        out.println("抽取记录独立校验 / Standalone draw record verification (" + DrawRecordExport.FORMAT_V1 + ", "
                + DrawRecordExport.FORMAT_V2 + ")");
        DrawRecordExport.Export export;
        try {
            export = DrawRecordExport.read(ExportJson.parse(document));
        } catch (IllegalArgumentException e) {
            out.println("无法读取：不是有效的抽取记录导出文件 / Unreadable: not a valid draw record export (" + e.getMessage() + ")");
            return UNREADABLE;
        }
        DrawRecord record = export.record();
        out.println("记录 / Record: " + record.id() + "  序号 / seq " + record.seq() + "  类型 / kind " + record.kind()
                + "  算法 / algorithm " + record.algorithm());
        out.println("项目 / Tender: " + record.tenderId() + "  记录时间 / created " + DrawRecordExport.instant(record.createdAt())
                + "  种子公开 / revealed " + DrawRecordExport.instant(export.revealedAt()) + "  导出 / exported "
                + DrawRecordExport.instant(export.exportedAt()));
        out.println("格式 / Format: " + export.format());
        out.println("签名省份 / Signed by: " + export.province());
        out.println("签名公钥 / Public key: " + export.publicKey());
        out.println("公钥指纹（SM3）/ Key fingerprint (SM3): " + ExportSignatures.fingerprint(export.publicKey()));
        out.println("  请与该省公布的公钥指纹核对 / Compare it with the fingerprint the province publishes.");
        if (!export.unknownMembers().isEmpty()) {
            out.println("本版本不识别的字段（已含在签名中，未另行校验）/ Members this version does not know (signed, not checked): "
                    + String.join(", ", export.unknownMembers()));
        }

        boolean allPass = true;
        boolean signatureOk = DrawRecordExport.SIGNATURE_ALGORITHM.equals(export.signatureAlgorithm())
                && ExportSignatures.verify(export.signedBytes(), export.signature(), export.publicKey());
        allPass &= check(out, signatureOk, "签名有效（SM2/SM3）", "Signature valid (SM2/SM3)");
        allPass &= check(out, ExportSignatures.fingerprint(export.publicKey()).equals(export.fingerprint()),
                "文件中的指纹与公钥一致", "Fingerprint in the file matches the public key");
        if (pinnedKey != null) {
            allPass &= check(out, pinnedKey.equals(export.publicKey()), "签名公钥与 --key 指定的公钥一致",
                    "Signing key is the one given with --key");
        }

        DrawVerification verification = drawVerifier().verify(record, export.seedHex());
        boolean seedWellFormed = export.seedHex().length() == 2 * DrawSeed.LENGTH && ExportSignatures.isLowerHex(export.seedHex());
        if (verification.seedMatchesCommitment() == null) {
            allPass &= check(out, seedWellFormed, "随机盐值格式正确（协商确定的记录无承诺值）",
                    "Salt well-formed (negotiated record, no commitment)");
        } else {
            allPass &= check(out, seedWellFormed && verification.seedMatchesCommitment(), "随机种子与承诺值一致",
                    "Seed matches the commitment");
        }
        allPass &= check(out, verification.eligibleListMatchesHash(), "候选名单与其哈希一致",
                "Eligible list matches its hash");
        allPass &= check(out, verification.recordHashValid(), "记录哈希正确", "Record hash valid");
        if (verification.resultReproduced() == null) {
            out.println("[不适用 N/A ] 无随机抽取，无需重算（协商确定） / No random draw to rerun (negotiated)");
        } else {
            allPass &= check(out, verification.resultReproduced(), "按记录的算法重算，结果与记录一致",
                    "Result recomputed with the recorded algorithm matches the record");
            if (!verification.resultReproduced()) {
                out.println("  重算结果 / Recomputed: " + printable(verification.recomputedResult()));
                out.println("  记录结果 / Recorded:   " + printable(record.result()));
            }
        }
        boolean selfRunBeacon = false;
        if (export.notice() != null) {
            NoticeOutcome notice = notice(export, out);
            allPass &= notice.passed();
            selfRunBeacon = notice.selfRunBeacon();
        }
        out.println(allPass ? "结论 / Verdict: " + REPRODUCED
                : "结论 / Verdict: 校验未通过 / NOT VERIFIED: at least one check failed");
        if (allPass && selfRunBeacon) {
            out.println("  " + SELF_RUN_BEACON);
        }
        return allPass ? VERIFIED : FAILED;
    }

    static final String SELF_RUN_BEACON = "注意：本次抽取的外部随机数来自本省自行运营的信标，不能证明抽取未被操纵 / Note: the outside "
            + "randomness of this draw comes from a beacon the province operates itself; it proves nothing about steering";

    private record NoticeOutcome(boolean passed, boolean selfRunBeacon) {
    }

    /**
     * Seed derivation v2: the notice's own record hash, the beacon chains the document carries (drand quicknet
     * only as pinned here), then the chain check's rules for this notice and this draw ({@link NoticeRules}).
     */
    private static NoticeOutcome notice(DrawRecordExport.Export export, PrintStream out) {
        DrawRecord record = export.record();
        DrawRecord notice = export.notice();
        out.println("抽取公告 / Notice: " + notice.id() + "  序号 / seq " + notice.seq() + "  公告时间 / created "
                + DrawRecordExport.instant(notice.createdAt()) + "  读取候选名单 / snapshot "
                + DrawRecordExport.instant(record.snapshotAt()));
        out.println("公告的随机源计划 / Planned entropy: " + printable(notice.request()));
        out.println("记录的随机源 / Recorded entropy: " + printable(record.entropy()));
        boolean passed = check(out, notice.recordHashValid(export.seedHex()) && notice.recordHash().equals(record.noticeHash()),
                "抽取公告的记录哈希正确，且与本记录所记的公告哈希一致", "Notice record hash valid and equal to the record's noticeHash");

        Set<String> named;
        try {
            named = NoticeText.contributions(record.entropy()).keySet();
        } catch (IllegalArgumentException unreadable) {
            named = Set.of();
        }
        // A supervisor's contribution needs no chain info: it is checked against its commitment alone.
        boolean supervised = named.contains(SupervisorContributionCheck.ID);
        Set<String> namedBeacons = new java.util.TreeSet<>(named);
        namedBeacons.remove(SupervisorContributionCheck.ID);
        boolean chainsOk = !named.isEmpty() && export.beacons().keySet().equals(namedBeacons);
        if (supervised) {
            out.println("  [注意 NOTE] 本次抽取混入了行政监督人员的随机数：其承诺值在抽取公告中，揭示的随机数须与之相符 / The draw mixed in the "
                    + "supervisor's value: its commitment is in the notice, and the revealed value must match it");
        }
        boolean selfRun = false;
        List<EntropySource> beacons = new ArrayList<>();
        for (Map.Entry<String, DrandChain> beacon : export.beacons().entrySet()) {
            String id = beacon.getKey();
            DrandChain chain = beacon.getValue();
            if (id.equals(EntropyConfiguration.DRAND_QUICKNET) || chain.chainHash().equals(DrandChain.QUICKNET.chainHash())) {
                boolean pinned = chain.equals(DrandChain.QUICKNET);
                chainsOk &= pinned;
                out.println("  " + (pinned ? "[通过 PASS] " : "[失败 FAIL] ") + "随机信标 " + id
                        + " 是 drand quicknet，文件所附链信息与本程序内置的一致，签名用内置公钥核验 / Beacon " + id
                        + " is drand quicknet; " + (pinned ? "the chain info in the file equals" : "the chain info in the file DIFFERS from")
                        + " the one pinned in this verifier, whose public key checks the signatures");
                chain = DrandChain.QUICKNET;
            } else {
                selfRun = true;
                out.println("  [注意 NOTE] 随机信标 " + id + "（链 " + chain.chainHash() + "）不是 drand quicknet，其签名用文件所附的公钥核验。"
                        + "该信标由本省自行运营，持有其密钥者可事先签出任何轮次，因此它不能证明抽取未被操纵。 / Beacon " + id
                        + " is not drand quicknet; its signatures are checked with the public key the file carries. It is "
                        + "operated by the province itself: whoever holds its key can sign any round in advance, so it proves "
                        + "nothing about steering.");
            }
            try {
                beacons.add(new RememberingBeacon(id, chain));
            } catch (IllegalArgumentException badId) {
                chainsOk = false;
            }
        }
        passed &= check(out, chainsOk, "文件所附的信标链信息与记录所用的随机源一一对应（drand quicknet 与内置一致）",
                "Beacon chain info given for exactly the recorded sources (drand quicknet as pinned)");

        ChainVerification fault = null;
        if (beacons.isEmpty() && !supervised) {
            fault = ChainVerification.broken(2, record.seq(), ChainVerification.Problem.ENTROPY_INVALID,
                    "文件没有附任何随机信标的链信息。");
        } else {
            NoticeRules rules;
            try {
                rules = new NoticeRules(beacons.isEmpty() ? new EntropySources(List.of(new SupervisorContributionCheck()), List.of())
                        : new EntropySources(beacons, List.of(new SupervisorContributionCheck())));
            } catch (IllegalArgumentException badId) {
                rules = null;
                fault = ChainVerification.broken(2, record.seq(), ChainVerification.Problem.ENTROPY_INVALID,
                        "文件所附的随机信标名称不合规则。");
            }
            if (rules != null) {
                fault = rules.check(notice, 1);
                if (fault == null && notice.seq() >= record.seq()) {
                    fault = ChainVerification.broken(2, record.seq(), ChainVerification.Problem.NO_PRIOR_NOTICE,
                            "抽取公告（序号 " + notice.seq() + "）不在抽取记录（序号 " + record.seq() + "）之前。");
                }
                if (fault == null) {
                    fault = rules.check(record, 2);
                }
            }
        }
        boolean entropyFault = fault != null && fault.problemCode() == ChainVerification.Problem.ENTROPY_INVALID;
        passed &= check(out, fault == null || entropyFault,
                "抽取公告在先，其对象、抽取类别与承诺值与本记录一致，公告时间 ≤ 读取候选名单时间 ≤ 记录时间",
                "Notice comes first; its subject, draw kind and commitment are the record's; notice ≤ snapshot ≤ record time");
        if (fault != null && !entropyFault) {
            out.println("  " + fault.problemCode() + "：" + fault.problem());
            out.println("[未核验 SKIP] 随机信标（因上一项未通过）/ Beacon entropy not checked (the check above failed)");
            return new NoticeOutcome(false, selfRun);
        }
        passed &= check(out, fault == null, "随机源与公告所定一致，信标轮次晚于读取候选名单，签名有效，随机数为签名的哈希",
                "Entropy sources as planned; beacon round after the snapshot, its signature valid, randomness = SHA-256(signature)");
        if (fault != null) {
            out.println("  " + fault.problemCode() + "：" + fault.problem());
        }
        return new NoticeOutcome(passed, selfRun);
    }

    /**
     * A beacon as the chain check uses it, for checking only: its outcomes are remembered by every input the
     * check reads (source id, the whole chain, plan, contribution, snapshot time), so a document changed in any
     * of them is checked afresh, while many documents with the same entropy in one JVM check the BLS signature once.
     */
    private static final class RememberingBeacon extends BeaconEntropy {

        private static final int REMEMBERED = 64;
        private static final Map<List<Object>, Optional<String>> CHECKED = Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<List<Object>, Optional<String>> eldest) {
                        return size() > REMEMBERED;
                    }
                });

        RememberingBeacon(String id, DrandChain chain) {
            super(id, chain, null, Duration.ZERO, null, null);
        }

        @Override
        public Optional<String> check(SortedMap<String, String> plan, SortedMap<String, String> contribution,
                Instant snapshotAt) {
            List<Object> inputs = java.util.Arrays.asList(id(), chain(), plan == null ? null : new TreeMap<>(plan),
                    contribution == null ? null : new TreeMap<>(contribution), snapshotAt);
            Optional<String> known = CHECKED.get(inputs);
            if (known != null) {
                return known;
            }
            Optional<String> outcome = super.check(plan, contribution, snapshotAt);
            CHECKED.put(inputs, outcome);
            return outcome;
        }
    }

    private static boolean check(PrintStream out, boolean passed, String chinese, String english) {
        out.println((passed ? "[通过 PASS] " : "[失败 FAIL] ") + chinese + " / " + english);
        return passed;
    }

    private static String printable(String text) {
        return text == null ? "（无法重算 / cannot be recomputed）" : text.replace("\n", "\\n");
    }

    private static int usage(PrintStream out) {
        out.println("用法 / Usage: java -jar remote-eval-<version>-verifier.jar [--key <public key hex>] <record.json>");
        return UNREADABLE;
    }
}
