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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionOperations;

import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;
import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.beacon.BeaconRound;
import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;
import cn.hlj.remoteeval.draw.beacon.DrandChain;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.testsupport.ControllableClock;

/**
 * The standalone verifier in-process, on documents exported the way {@link DrawRecordExports} exports them
 * and signed with a test key through the exchange's own SM2 code: a genuine export verifies; every single
 * changed byte of it is rejected; each check catches its own tampering even when the document is signed
 * again; members a later version adds are signed and reported, never a reason to refuse. Draws of seed
 * derivation v2 are built through the production notice path ({@link DrawNotices} on an in-memory chain, the
 * test beacon or a real drand quicknet round) and exported as {@value DrawRecordExport#FORMAT_V2}.
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

    // --- seed derivation v2 (record-export-v2.md)

    @Test
    void noticedVenueAndExpertDrawsAreConfirmedAndTheSelfRunBeaconIsNamedAsProvingNothing() {
        for (byte[] document : List.of(noticedVenueExport(), noticedExpertExport())) {
            String report = report(document, null);
            assertThat(exitCode(document, null)).as(report).isZero();
            assertThat(report).contains(DrawRecordExport.FORMAT_V2, StandaloneVerifier.REPRODUCED,
                    "[通过 PASS] 抽取公告的记录哈希正确", "[注意 NOTE] 随机信标 dev-beacon", "proves nothing about steering",
                    StandaloneVerifier.SELF_RUN_BEACON).doesNotContain("FAIL", "SKIP", "Members this version does not know");
        }
        assertThat(new String(noticedVenueExport(), StandardCharsets.UTF_8)).contains("\"noticeHash\"", "\"notice\": {",
                "\"beacons\": {", "\"dev-beacon\": {", "\"snapshotAt\"", "\"entropy\": \"dev-beacon.chain=");
    }

    @Test
    void aRealDrandQuicknetRoundIsCheckedAgainstThePinnedKeyAndNotFlaggedAsSelfRun() {
        byte[] document = quicknetExport(DrandChain.QUICKNET, null);
        String report = report(document, null);
        assertThat(exitCode(document, null)).as(report).isZero();
        assertThat(report).contains("[通过 PASS] 随机信标 drand-quicknet 是 drand quicknet", StandaloneVerifier.REPRODUCED)
                .doesNotContain("FAIL", "NOTE", StandaloneVerifier.SELF_RUN_BEACON);
    }

    /**
     * Every byte of a noticed venue and a noticed expert document changed in its lowest bit, and of the venue
     * document also in the case bit: none verifies. Each of these runs the BLS check of the changed document
     * afresh whenever the change reaches what that check reads (the verifier remembers outcomes only by every
     * input of the check), so a change in the notice's plan, the entropy, the snapshot time or the beacon's
     * chain info is checked in full.
     */
    @Test
    void everySingleChangedByteOfANoticedExportIsRejected() {
        assertEveryChangeRejected(noticedVenueExport(), 0x01, 0x20);
        assertEveryChangeRejected(noticedExpertExport(), 0x01);
    }

    /**
     * Also after a genuine document with the same beacon was checked in this JVM: the verifier remembers beacon
     * checks only by every input, so the forged round is checked afresh (a single changed byte is refused by the
     * document's signature anyway, so it is here that a remembered outcome that hid a change would show).
     */
    @Test
    void aForgedBeaconSignatureIsRejected() {
        assertThat(exitCode(noticedVenueExport(), null)).isZero();
        byte[] forgersKey = new byte[32];
        forgersKey[31] = 7;
        byte[] document = noticedExport(DrawKind.VENUE, TestEntropy::beacon, Duration.ofSeconds(1), entropy -> {
            TreeMap<String, String> entries = new TreeMap<>(Canonical.decode(entropy));
            String signature = BeaconSignatures.sign(forgersKey, Long.parseLong(entries.get("dev-beacon.round")));
            entries.put("dev-beacon.signature", signature);
            entries.put("dev-beacon.randomness", new BeaconRound(1, signature).randomness());
            return Canonical.encode(entries);
        });
        String report = report(document, null);
        assertThat(exitCode(document, null)).as(report).isEqualTo(StandaloneVerifier.FAILED);
        assertThat(report).contains("[失败 FAIL] 随机源与公告所定一致", "ENTROPY_INVALID", "签名验证不通过")
                .contains("[通过 PASS] 按记录的算法重算").doesNotContain(StandaloneVerifier.REPRODUCED);
    }

    @Test
    void aDrawWithTheSupervisorsValueIsConfirmedAndAValueOtherThanTheCommittedOneIsRejected() {
        byte[] genuine = supervisedExport(UnaryOperator.identity());
        String report = report(genuine, null);
        assertThat(exitCode(genuine, null)).as(report).isZero();
        assertThat(report).contains("[注意 NOTE] 本次抽取混入了行政监督人员的随机数", StandaloneVerifier.REPRODUCED)
                .doesNotContain("FAIL");

        // The seed is derived from the changed value and the record sealed again: only the commitment can tell.
        byte[] changed = supervisedExport(entropy -> entropy.replace("supervisor.value=35261446", "supervisor.value=35261447"));
        String changedReport = report(changed, null);
        assertThat(exitCode(changed, null)).as(changedReport).isEqualTo(StandaloneVerifier.FAILED);
        assertThat(changedReport).contains("[失败 FAIL] 随机源与公告所定一致", "ENTROPY_INVALID", "与其事先提交的承诺不符");
    }

    private static byte[] supervisedExport(UnaryOperator<String> entropyChange) {
        ControllableClock clock = new ControllableClock();
        clock.set(NOTICE_TIME);
        return noticedExport(DrawKind.EXPERT, TestEntropy::beacon, clock, Duration.ofSeconds(1), entropyChange,
                List.of(new RevealedSupervisorValue("35261446", "00112233445566778899aabbccddeeff")));
    }

    /** A supervisor who committed to {@code value} and revealed it a second after the list was read. */
    private record RevealedSupervisorValue(String value, String salt) implements EntropySource {

        @Override
        public String id() {
            return SupervisorContributionCheck.ID;
        }

        @Override
        public java.util.Optional<SortedMap<String, String>> plan(NoticeDraft notice) {
            return java.util.Optional.of(new TreeMap<>(Map.of("commitment", SupervisorContributionCheck.commitmentOf(value, salt))));
        }

        @Override
        public SortedMap<String, String> collect(String noticeId, SortedMap<String, String> plan, Instant snapshotAt) {
            return new TreeMap<>(Map.of("commitment", plan.get("commitment"), "value", value, "salt", salt,
                    "revealedAt", snapshotAt.plusSeconds(1).toString()));
        }

        @Override
        public java.util.Optional<String> check(SortedMap<String, String> plan, SortedMap<String, String> contribution,
                Instant snapshotAt) {
            return new SupervisorContributionCheck().check(plan, contribution, snapshotAt);
        }
    }

    @Test
    void aNoticeNewerThanTheSnapshotIsRejected() {
        byte[] document = noticedExport(DrawKind.EXPERT, TestEntropy::beacon, Duration.ofSeconds(-5), UnaryOperator.identity());
        String report = report(document, null);
        assertThat(exitCode(document, null)).as(report).isEqualTo(StandaloneVerifier.FAILED);
        assertThat(report).contains("[失败 FAIL] 抽取公告在先", "COMMITMENT_AFTER_SNAPSHOT", "[未核验 SKIP]")
                .doesNotContain(StandaloneVerifier.REPRODUCED);
    }

    /**
     * A document that names drand quicknet's chain hash but carries another public key, whose holder signed the
     * round: consistent in itself, refused because quicknet's key is pinned in the verifier.
     */
    @Test
    void aQuicknetDocumentWithASwappedPublicKeyIsRejected() {
        byte[] forgersKey = new byte[32];
        forgersKey[31] = 9;
        DrandChain swapped = new DrandChain(DrandChain.QUICKNET.chainHash(), BeaconSignatures.publicKeyOf(forgersKey),
                DrandChain.QUICKNET.genesisTime(), DrandChain.QUICKNET.periodSeconds(), DrandChain.QUICKNET.scheme());
        assertThat(exitCode(quicknetExport(DrandChain.QUICKNET, null), null)).isZero();
        byte[] document = quicknetExport(swapped, forgersKey);
        String report = report(document, null);
        assertThat(exitCode(document, null)).as(report).isEqualTo(StandaloneVerifier.FAILED);
        assertThat(report).contains("[失败 FAIL] 随机信标 drand-quicknet 是 drand quicknet", "DIFFERS",
                "[失败 FAIL] 文件所附的信标链信息", "[失败 FAIL] 随机源与公告所定一致", "签名验证不通过");
        // The same forgery under the source id of the development beacon is still held to quicknet's key.
        Map<String, Object> renamed = parse(document);
        @SuppressWarnings("unchecked")
        Map<String, Object> beacons = (Map<String, Object>) renamed.get("beacons");
        beacons.put("dev-beacon", beacons.remove("drand-quicknet"));
        assertThat(exitCode(resign(renamed, KEY), null)).isEqualTo(StandaloneVerifier.FAILED);
    }

    @Test
    void eachNoticeRuleCatchesItsOwnTamperingInADocumentSignedAgain() {
        assertFails(noticedVenueExport(), doc -> notice(doc).put("tenderId", "t-other"), "抽取公告的记录哈希正确");
        assertFails(noticedVenueExport(), doc -> record(doc).put("snapshotAt", "2031-06-01T00:59:00Z"),
                "记录哈希正确", "抽取公告在先");
        assertFails(noticedVenueExport(), doc -> record(doc).put("entropy",
                ((String) record(doc).get("entropy")).replace("sources=dev-beacon", "sources=dev-beacon,x")),
                "记录哈希正确", "文件所附的信标链信息");
        assertFails(noticedVenueExport(), doc -> ((Map<?, ?>) doc.get("beacons")).clear(), "文件所附的信标链信息");
        assertFails(noticedVenueExport(), doc -> notice(doc).put("seq", 99L), "抽取公告的记录哈希正确", "抽取公告在先");
        assertFails(noticedExpertExport(), doc -> notice(doc).put("algorithm", "venue-draw/v2"), "抽取公告的记录哈希正确",
                "抽取公告在先");
        Map<String, Object> v1 = parse(noticedVenueExport());
        v1.put("format", DrawRecordExport.FORMAT_V1);
        // Read as v1, the record lacks its four v2 fields and its record hash fails.
        assertThat(report(resign(v1, KEY), null)).contains("[失败 FAIL] 记录哈希正确");
        Map<String, Object> noNotice = parse(noticedVenueExport());
        noNotice.remove("notice");
        assertThat(exitCode(resign(noNotice, KEY), null)).isEqualTo(StandaloneVerifier.UNREADABLE);
    }

    private static final Instant NOTICE_TIME = Instant.parse("2031-06-01T01:00:00Z");

    private static byte[] noticedVenueExport() {
        return noticedExport(DrawKind.VENUE, TestEntropy::beacon, Duration.ofSeconds(1), UnaryOperator.identity());
    }

    private static byte[] noticedExpertExport() {
        return noticedExport(DrawKind.EXPERT, TestEntropy::beacon, Duration.ofSeconds(1), UnaryOperator.identity());
    }

    /** A draw on a real quicknet round (20791007), or on a forger's key under quicknet's chain hash. */
    private static byte[] quicknetExport(DrandChain chain, byte[] forgersKey) {
        long round = 20791007L;
        String signature = forgersKey == null
                ? "8d2c8bbc37170dbacc5e280a21d4e195cff5f32a19fd6a58633fa4e4670478b5fb39bc13dd8f8c4372c5a76191198ac5"
                : BeaconSignatures.sign(forgersKey, round);
        ControllableClock clock = new ControllableClock();
        // The notice falls within the period before the round, six seconds of margin ahead: the plan names the round.
        clock.set(chain.timeOf(round).minusSeconds(7));
        BeaconEntropy beacon = new BeaconEntropy(EntropyConfiguration.DRAND_QUICKNET, chain,
                requested -> new BeaconRound(requested, signature), Duration.ofSeconds(6), clock, duration -> {
                });
        return noticedExport(DrawKind.VENUE, c -> beacon, clock, Duration.ofSeconds(1), UnaryOperator.identity());
    }

    private static byte[] noticedExport(DrawKind kind, java.util.function.Function<java.time.Clock, BeaconEntropy> beacon,
            Duration snapshotAfterNotice, UnaryOperator<String> entropyChange) {
        ControllableClock clock = new ControllableClock();
        clock.set(NOTICE_TIME);
        return noticedExport(kind, beacon, clock, snapshotAfterNotice, entropyChange);
    }

    /**
     * The production path of a noticed draw on an in-memory chain: an earlier record, the notice, the snapshot
     * {@code snapshotAfterNotice} after it, the entropy (changed by {@code entropyChange}, the seed derived from
     * what is recorded), the draw; exported with its notice and the beacon's chain.
     */
    private static byte[] noticedExport(DrawKind kind, java.util.function.Function<java.time.Clock, BeaconEntropy> beacons,
            ControllableClock clock, Duration snapshotAfterNotice, UnaryOperator<String> entropyChange) {
        return noticedExport(kind, beacons, clock, snapshotAfterNotice, entropyChange, List.of());
    }

    private static byte[] noticedExport(DrawKind kind, java.util.function.Function<java.time.Clock, BeaconEntropy> beacons,
            ControllableClock clock, Duration snapshotAfterNotice, UnaryOperator<String> entropyChange,
            List<EntropySource> alongside) {
        BeaconEntropy beacon = beacons.apply(clock);
        List<EntropySource> sources = new java.util.ArrayList<>(List.of(beacon));
        sources.addAll(alongside);
        DrawChain chain = new DrawChain(new InMemoryDrawStore(), new TestSalts(), clock);
        chain.append(new NewDraw("11111111-2222-4333-8444-555555555555", DrawKind.NEGOTIATED_VENUES, "t-earlier",
                "negotiated-venues/v1", null, "DQ=1\n", "committeeSize=1\n", "DQ=1\n", "system"), null);
        DrawNotices notices = new DrawNotices(chain, () -> VenueDrawAlgorithmUnitTest.seed("server " + kind),
                new EntropySources(sources, List.of()), new CurrentActor(), clock,
                TransactionOperations.withoutTransaction());
        Noticed noticed = notices.announce(kind, "t-export");
        Instant snapshotAt = clock.instant().plus(snapshotAfterNotice);
        DerivedSeed collected = notices.seedAfterSnapshot(noticed, snapshotAt);
        String entropy = entropyChange.apply(collected.entropy());
        DerivedSeed seed = new DerivedSeed(collected.serverSeed(), SeedDerivation.v2(collected.serverSeed(),
                collected.noticeHash(), entropy), collected.noticeId(), collected.noticeHash(), entropy, snapshotAt);
        clock.set(snapshotAt.isAfter(clock.instant()) ? snapshotAt.plusSeconds(2) : clock.instant().plusSeconds(2));
        NewDraw draw;
        if (kind == DrawKind.VENUE) {
            VenueDrawRequest request = new VenueDrawRequest(5, "HRB", VenueDrawAlgorithmUnitTest.SLOT, SeatPlanLimits.defaults());
            String free = Canonical.encodeCounts(VenueDrawAlgorithmUnitTest.uniform(3));
            draw = new NewDraw("0b0c8a43-4a5e-4f4c-9d0e-1f2a3b4c5d6f", kind, "t-export", VenueDrawAlgorithm.ID_V2,
                    seed.commitment(), free, request.canonical(), new VenueDrawAlgorithm().recompute(seed.seed(),
                            request.canonical(), free), "system");
        } else {
            ExpertDrawRequest request = ExpertDrawAlgorithmUnitTest.request(Locality.SAME_CITY, 1, 0,
                    ExpertDrawAlgorithmUnitTest.counts("HRB", 1, "DQ", 2, "MDJ", 2),
                    ExpertDrawAlgorithmUnitTest.counts("A0101", 3, "B02", 2));
            String eligible = ExpertEligibleList.encodeEntries(ExpertDrawAlgorithmUnitTest.pool("A0101@HRB*2",
                    "A0101@DQ*3", "A0101@MDJ*2", "B02@DQ*2", "B02@MDJ*3", "B02@HRB*1"));
            draw = new NewDraw("5f1d2e3c-aaaa-4bbb-8ccc-0123456789ac", kind, "t-export", ExpertDrawAlgorithm.ID_V2,
                    seed.commitment(), eligible, request.canonical(), new ExpertDrawAlgorithm().recompute(seed.seed(),
                            request.canonical(), eligible), "值班员-甲");
        }
        DrawRecord record = chain.append(draw.noticed(seed), seed.serverSeed());
        SortedMap<String, DrandChain> chains = new TreeMap<>(Map.of(beacon.id(), beacon.chain()));
        Map<String, Object> unsigned = DrawRecordExport.unsigned(record, noticed.notice(), chains,
                seed.serverSeed().hex(), REVEALED, EXPORTED, "HL", KEY.publicKey());
        byte[] signature = CRYPTO.sign(DrawRecordExport.signedBytes(unsigned), KEY.privateKey());
        return ExportJson.pretty(DrawRecordExport.signed(unsigned, signature)).getBytes(StandardCharsets.UTF_8);
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
    private static Map<String, Object> notice(Map<String, Object> document) {
        return (Map<String, Object>) document.get("notice");
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
