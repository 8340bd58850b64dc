package cn.hlj.remoteeval.draw.internal;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The standalone verifier of an exported draw record ({@value DrawRecordExport#FORMAT}):
 * {@code java -jar remote-eval-<version>-verifier.jar [--key <public key hex>] record.json}. With the JDK
 * and the classes its jar carries only (no Spring, no database, no network) it checks the province's
 * signature, the seed against its commitment, the eligible list against its hash and the record hash,
 * and reruns the recorded algorithm with the production classes that drew. It prints a report and
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
        out.println("抽取记录独立校验 / Standalone draw record verification (" + DrawRecordExport.FORMAT + ")");
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
        out.println(allPass ? "结论 / Verdict: " + REPRODUCED
                : "结论 / Verdict: 校验未通过 / NOT VERIFIED: at least one check failed");
        return allPass ? VERIFIED : FAILED;
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
