package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.draw.DrawKind;

/**
 * The standalone verifier in-process, on documents exported the way {@link DrawRecordExports} exports them
 * and signed with a test key through the exchange's own SM2 code: a genuine export verifies; every single
 * changed byte of it is rejected; each check catches its own tampering even when the document is signed
 * again; members a later version adds are signed and reported, never a reason to refuse.
 */
class StandaloneVerifierUnitTest {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());
    private static final NationalCrypto.KeyPair KEY = CRYPTO.newKeyPair();
    private static final NationalCrypto.KeyPair OTHER_KEY = CRYPTO.newKeyPair();
    private static final Instant CREATED = Instant.parse("2031-06-01T02:03:04.567Z");
    private static final Instant REVEALED = Instant.parse("2031-06-01T09:30:00Z");
    private static final Instant EXPORTED = Instant.parse("2031-06-02T01:00:00Z");

    @Test
    void genuineExportsOfEveryKindVerifyAndSayTheResultIsReproduced() {
        for (byte[] document : List.of(venueExport(), expertExport(), negotiatedExport(), expertExportByChineseActor())) {
            String report = report(document, null);
            assertThat(exitCode(document, null)).as(report).isZero();
            assertThat(report).contains(StandaloneVerifier.REPRODUCED).doesNotContain("FAIL")
                    .contains(ExportSignatures.fingerprint(KEY.publicKey()));
        }
        assertThat(report(negotiatedExport(), null)).contains("[不适用 N/A ]");
        assertThat(exitCode(venueExport(), KEY.publicKey())).isZero();
    }

    /**
     * Every byte of every kind of document, whitespace included, changed in its lowest bit; in the venue
     * document also in the bit that turns a lower-case hex digit into upper case, and in a document with
     * Chinese text in the bit that breaks UTF-8.
     */
    @Test
    void everySingleChangedByteOfAnExportIsRejected() {
        assertEveryChangeRejected(venueExport(), 0x01, 0x20);
        assertEveryChangeRejected(expertExport(), 0x01);
        assertEveryChangeRejected(negotiatedExport(), 0x01);
        assertEveryChangeRejected(expertExportByChineseActor(), 0x80);
    }

    private static void assertEveryChangeRejected(byte[] document, int... masks) {
        assertThat(exitCode(document, null)).isZero();
        List<String> accepted = new ArrayList<>();
        for (int position = 0; position < document.length; position++) {
            for (int mask : masks) {
                byte[] changed = document.clone();
                changed[position] ^= (byte) mask;
                if (exitCode(changed, null) == StandaloneVerifier.VERIFIED) {
                    accepted.add("byte " + position + " ^ " + mask);
                }
            }
        }
        assertThat(accepted).as("changes the verifier accepted").isEmpty();
    }

    @Test
    void eachCheckCatchesItsOwnTamperingInADocumentSignedAgain() {
        assertFails(venueExport(), doc -> record(doc).put("result", "DQ=3\nHRB=1\nSH=1\n"), "按记录的算法重算", "记录哈希正确");
        assertFails(expertExport(), doc -> record(doc).put("request", ((String) record(doc).get("request"))
                .replace("mainCityCap=1", "mainCityCap=2")), "记录哈希正确");
        assertFails(venueExport(), doc -> doc.put("seed", Hashes.hex(new byte[32])), "随机种子与承诺值一致", "记录哈希正确");
        assertFails(venueExport(), doc -> record(doc).put("eligibleList", "DQ=9\nHRB=9\n"), "候选名单与其哈希一致");
        assertFails(venueExport(), doc -> record(doc).put("recordHash", Hashes.hex(new byte[32])), "记录哈希正确");
        assertFails(venueExport(), doc -> record(doc).put("seq", 8L), "记录哈希正确");
        assertFails(venueExport(), doc -> record(doc).put("createdAt", "2031-06-01T02:03:05Z"), "记录哈希正确");
        assertFails(venueExport(), doc -> record(doc).put("seedCommitment", Hashes.hex(new byte[32])), "随机种子与承诺值一致");
        assertFails(negotiatedExport(), doc -> record(doc).put("result", "DQ=3\nHRB=2\n"), "记录哈希正确");
        assertFails(venueExport(), doc -> doc.put("seed", ((String) doc.get("seed")).toUpperCase()), "随机种子与承诺值一致");
        assertFails(venueExport(), doc -> signer(doc).put("fingerprint", Hashes.hex(new byte[32])), "文件中的指纹与公钥一致");
        assertFails(venueExport(), doc -> signer(doc).put("algorithm", "SM2"), "签名有效");
        // Changed and not signed again: the signature alone refuses it.
        Map<String, Object> unsigned = parse(venueExport());
        record(unsigned).put("result", "DQ=3\nHRB=1\nSH=1\n");
        byte[] changed = ExportJson.pretty(unsigned).getBytes(StandardCharsets.UTF_8);
        assertThat(exitCode(changed, null)).isEqualTo(StandaloneVerifier.FAILED);
        assertThat(report(changed, null)).contains("[失败 FAIL] 签名有效");
    }

    @Test
    void aDocumentSignedWithAnotherKeyFailsTheKeyPinAndShowsAnotherFingerprint() {
        byte[] foreign = export(venueRecord(), venueSeed(), OTHER_KEY);
        assertThat(exitCode(foreign, null)).isZero();
        assertThat(report(foreign, null)).contains(ExportSignatures.fingerprint(OTHER_KEY.publicKey()))
                .doesNotContain(ExportSignatures.fingerprint(KEY.publicKey()));
        assertThat(exitCode(foreign, KEY.publicKey())).isEqualTo(StandaloneVerifier.FAILED);
        assertThat(report(foreign, KEY.publicKey())).contains("[失败 FAIL] 签名公钥与 --key 指定的公钥一致");
    }

    @Test
    void membersALaterVersionAddsAreSignedAndReportedNeverRefused() {
        Map<String, Object> document = parse(expertExport());
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("id", "n-1");
        notice.put("seq", 41L);
        notice.put("recordHash", Hashes.hex(new byte[32]));
        document.put("notice", notice);
        document.put("entropy", Map.of("beaconRound", 123456L, "beaconSignature", "ab", "supervisor", "cd"));
        record(document).put("seedDerivation", "v2");
        byte[] extended = resign(document, KEY);
        assertThat(exitCode(extended, null)).isZero();
        assertThat(report(extended, null)).contains("notice", "entropy", "record.seedDerivation");

        Map<String, Object> notSignedAgain = parse(expertExport());
        notSignedAgain.put("notice", notice);
        assertThat(exitCode(ExportJson.pretty(notSignedAgain).getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo(StandaloneVerifier.FAILED);
    }

    @Test
    void theSignatureDoesNotDependOnLayoutOrMemberOrder() {
        Map<String, Object> document = parse(venueExport());
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(document.keySet());
        java.util.Collections.reverse(names);
        names.forEach(name -> reversed.put(name, document.get(name)));
        assertThat(exitCode(ExportJson.canonical(reversed).getBytes(StandardCharsets.UTF_8), null)).isZero();
        assertThat(exitCode(ExportJson.pretty(reversed).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), null))
                .isZero();
    }

    @Test
    void theCanonicalFormIsByteExact() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1L, -2L, true, false));
        value.put("a", "x\"\\\n\t\u0001/é中");
        value.put("B", null);
        value.put("c", Map.of());
        assertThat(ExportJson.canonical(value)).isEqualTo("{\"B\":null,\"a\":\"x\\\"\\\\\\n\\t\\u0001/é中\",\"b\":[1,-2,true,false],\"c\":{}}");
        assertThat(ExportJson.parse(ExportJson.pretty(value))).isEqualTo(value);
        assertThat(ExportJson.parse(ExportJson.canonical(value))).isEqualTo(value);
    }

    @Test
    void whatIsNotSuchADocumentIsUnreadable(@TempDir Path directory) throws IOException {
        for (String text : List.of("", "not json", "{\"format\":\"remote-eval/draw-record-export/v2\"}", "[]",
                "{\"a\":1,\"a\":1}", "{\"a\":01}", "{\"a\":1.5}", "{\"a\":-0}", "{\"a\":\"\\ud800\"}", "{} {}")) {
            assertThat(exitCode(text.getBytes(StandardCharsets.UTF_8), null)).as(text).isEqualTo(StandaloneVerifier.UNREADABLE);
        }
        Map<String, Object> noRecord = parse(venueExport());
        noRecord.remove("record");
        assertThat(exitCode(resign(noRecord, KEY), null)).isEqualTo(StandaloneVerifier.UNREADABLE);
        Map<String, Object> badSeq = parse(venueExport());
        record(badSeq).put("seq", "3");
        assertThat(exitCode(resign(badSeq, KEY), null)).isEqualTo(StandaloneVerifier.UNREADABLE);
        byte[] bom = ("\uFEFF" + new String(venueExport(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(exitCode(bom, null)).isEqualTo(StandaloneVerifier.UNREADABLE);

        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        assertThat(StandaloneVerifier.run(new String[] { directory.resolve("missing.json").toString() }, quiet))
                .isEqualTo(StandaloneVerifier.UNREADABLE);
        assertThat(StandaloneVerifier.run(new String[0], quiet)).isEqualTo(StandaloneVerifier.UNREADABLE);
        Path file = Files.write(directory.resolve("record.json"), venueExport());
        assertThat(StandaloneVerifier.run(new String[] { "--key", KEY.publicKey(), file.toString() }, quiet)).isZero();
        assertThat(StandaloneVerifier.run(new String[] { file.toString(), "--key", OTHER_KEY.publicKey() }, quiet))
                .isEqualTo(StandaloneVerifier.FAILED);
    }

    // --- documents

    static DrawSeed venueSeed() {
        return VenueDrawAlgorithmUnitTest.seed("export venue");
    }

    static DrawRecord venueRecord() {
        DrawSeed seed = venueSeed();
        VenueDrawRequest request = new VenueDrawRequest(5, "HRB", VenueDrawAlgorithmUnitTest.SLOT, SeatPlanLimits.defaults());
        String free = Canonical.encodeCounts(VenueDrawAlgorithmUnitTest.uniform(3));
        String result = new VenueDrawAlgorithm().recompute(seed, request.canonical(), free);
        return DrawRecord.seal(new NewDraw("0b0c8a43-4a5e-4f4c-9d0e-1f2a3b4c5d6e", DrawKind.VENUE, "t-export",
                VenueDrawAlgorithm.ID, seed.commitment(), free, request.canonical(), result, "system"), 7,
                Hashes.hex(Hashes.sha256(new byte[] { 7 })), CREATED, seed);
    }

    private static byte[] venueExport() {
        return export(venueRecord(), venueSeed(), KEY);
    }

    private static byte[] expertExport() {
        return export(expertRecord("staff-hrb"), expertSeed(), KEY);
    }

    private static byte[] expertExportByChineseActor() {
        return export(expertRecord("值班员-甲"), expertSeed(), KEY);
    }

    private static DrawSeed expertSeed() {
        return VenueDrawAlgorithmUnitTest.seed("export expert");
    }

    private static DrawRecord expertRecord(String actor) {
        DrawSeed seed = expertSeed();
        ExpertDrawRequest request = ExpertDrawAlgorithmUnitTest.request(Locality.SAME_CITY, 1, 0,
                ExpertDrawAlgorithmUnitTest.counts("HRB", 1, "DQ", 2, "MDJ", 2), ExpertDrawAlgorithmUnitTest.counts("A0101", 3, "B02", 2));
        String eligible = ExpertEligibleList.encodeEntries(ExpertDrawAlgorithmUnitTest.pool("A0101@HRB*2", "A0101@DQ*3",
                "A0101@MDJ*2", "B02@DQ*2", "B02@MDJ*3", "B02@HRB*1"));
        String result = new ExpertDrawAlgorithm().recompute(seed, request.canonical(), eligible);
        assertThat(result).doesNotStartWith(ExpertDrawOutcome.NO_RANDOM_PICK);
        return DrawRecord.seal(new NewDraw("5f1d2e3c-aaaa-4bbb-8ccc-0123456789ab", DrawKind.EXPERT, "t-export",
                ExpertDrawAlgorithm.ID, seed.commitment(), eligible, request.canonical(), result, actor), 8,
                Hashes.hex(Hashes.sha256(new byte[] { 8 })), CREATED, seed);
    }

    private static byte[] negotiatedExport() {
        DrawSeed salt = VenueDrawAlgorithmUnitTest.seed("export salt");
        DrawRecord record = DrawRecord.seal(new NewDraw("9a8b7c6d-1111-4222-8333-444455556666",
                DrawKind.NEGOTIATED_VENUES, "t-export", "negotiated-venues/v1", null, "DQ=4\nHRB=3\nSH=2\n",
                "committeeSize=5\n", "DQ=2\nHRB=1\nSH=2\n", "staff-hrb"), 9, Hashes.hex(new byte[32]), CREATED, salt);
        return export(record, salt, KEY);
    }

    static byte[] export(DrawRecord record, DrawSeed seed, NationalCrypto.KeyPair key) {
        Map<String, Object> unsigned = DrawRecordExport.unsigned(record, seed.hex(), REVEALED, EXPORTED, "HL", key.publicKey());
        byte[] signature = CRYPTO.sign(DrawRecordExport.signedBytes(unsigned), key.privateKey());
        return ExportJson.pretty(DrawRecordExport.signed(unsigned, signature)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resign(Map<String, Object> document, NationalCrypto.KeyPair key) {
        byte[] signature = CRYPTO.sign(DrawRecordExport.signedBytes(document), key.privateKey());
        document.put("signature", Hashes.hex(signature));
        return ExportJson.pretty(document).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertFails(byte[] genuine, Consumer<Map<String, Object>> change, String... failedChecks) {
        Map<String, Object> document = parse(genuine);
        change.accept(document);
        byte[] changed = resign(document, KEY);
        String report = report(changed, null);
        assertThat(exitCode(changed, null)).as(report).isEqualTo(StandaloneVerifier.FAILED);
        assertThat(report).doesNotContain(StandaloneVerifier.REPRODUCED);
        for (String check : failedChecks) {
            assertThat(report).as(report).contains("[失败 FAIL] " + check);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] document) {
        return (Map<String, Object>) ExportJson.parse(document);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Map<String, Object> document) {
        return (Map<String, Object>) document.get("record");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signer(Map<String, Object> document) {
        return (Map<String, Object>) document.get("signer");
    }

    private static int exitCode(byte[] document, String key) {
        return StandaloneVerifier.verify(document, key == null ? null : key.toLowerCase(),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    private static String report(byte[] document, String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StandaloneVerifier.verify(document, key == null ? null : key.toLowerCase(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
