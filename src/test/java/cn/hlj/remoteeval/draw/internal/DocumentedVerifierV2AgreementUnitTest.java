package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;
import cn.hlj.remoteeval.draw.beacon.DrandChain;
import cn.hlj.remoteeval.draw.internal.DocumentedVerifierAgreementUnitTest.Inputs;
import cn.hlj.remoteeval.draw.internal.docverifier.DocBeacon;
import cn.hlj.remoteeval.draw.internal.docverifier.DocRecord;
import cn.hlj.remoteeval.draw.internal.docverifier.DocSeedV2;
import cn.hlj.remoteeval.draw.internal.docverifier.DocumentedVerifier;
import cn.hlj.remoteeval.testsupport.ControllableClock;

/**
 * Issue 18 item 6 for seed derivation v2: the verifier written from {@code src/docs/algorithms/} alone agrees with
 * the production notice path ({@link DrawNotices}, {@link DrawChain}, {@link ChainVerifier}) on 1,000 noticed venue
 * and expert draws: the notice's request, the entropy text, the derived seed, the result, the record hashes of notices
 * and draws, the chain with its unused notices, and the first fault of every documented way around the notice.
 */
class DocumentedVerifierV2AgreementUnitTest {

    private static final int DRAWS = 1_000;
    /** Draws announced at nearly the same time, drawn after the one beacon round their notices mostly share. */
    private static final int BATCH = 4;
    private static final int UNUSED_EVERY = 23;
    private static final int NEGOTIATED_EVERY = 50;
    private static final Duration MARGIN = Duration.ofSeconds(6);
    private static final DocBeacon DEV_BEACON = DocBeacon.devBeacon(
            BeaconSignatures.publicKeyOf(TestEntropy.TEST_BEACON_KEY), 1577836800L, 3);
    private static final DrawVerifier PRODUCTION_VERIFIER = new DrawVerifier(new DrawAlgorithms(List.of(
            new VenueDrawAlgorithm(), new ExpertDrawAlgorithm())));

    /** A documented way around the notice, applied to one draw of a chain, and the fault v2 §6 names for it. */
    enum Tamper {
        NONE(null),
        SECOND_DRAW_ON_ONE_NOTICE("NOTICE_REUSED"),
        SECOND_DRAW_ON_ONE_NOTICE_FOR_ANOTHER_SUBJECT("NOTICE_REUSED"),
        SNAPSHOT_BEFORE_NOTICE("COMMITMENT_AFTER_SNAPSHOT"),
        SNAPSHOT_AFTER_RECORD("COMMITMENT_AFTER_SNAPSHOT"),
        OTHER_SUBJECTS_NOTICE_AND_SNAPSHOT_BEFORE_IT("NOTICE_MISMATCH"),
        NOTICE_OF_ANOTHER_ALGORITHM_REUSING_A_COMMITMENT("NOTICE_MISMATCH"),
        FORGED_SIGNATURE("ENTROPY_INVALID"),
        NO_NOTICE_AFTER_FIRST_NOTICE("NO_PRIOR_NOTICE"),
        NO_COMMITMENT_AFTER_FIRST_NOTICE("NO_PRIOR_NOTICE"),
        OTHER_SUBJECTS_NOTICE("NOTICE_MISMATCH"),
        OTHER_KIND_THAN_NOTICE("NOTICE_MISMATCH"),
        OTHER_ROUND_THAN_PLANNED("ENTROPY_INVALID"),
        ROUND_NOT_AFTER_SNAPSHOT("ENTROPY_INVALID"),
        CHANGED_ENTROPY_VALUE("RECORD_CHANGED");

        final String fault;

        Tamper(String fault) {
            this.fault = fault;
        }
    }

    /** One draw on the notice path: the notice as the clock saw it, the derived seed, the inputs and the record. */
    record Noticed2(Noticed noticed, Instant announcedFrom, Instant announcedTo, DerivedSeed seed, Inputs inputs,
            DrawRecord record) {
    }

    /** A chain built with the production notice path on an in-memory store. */
    static final class Built {

        final ControllableClock clock = new ControllableClock();
        final InMemoryDrawStore store = new InMemoryDrawStore();
        final DrawChain chain = new DrawChain(store, new TestSalts(), clock);
        final DrawNotices notices = TestEntropy.notices(chain, new TestSalts(), clock);
        final List<Noticed2> draws = new ArrayList<>();
        final List<Noticed> unused = new ArrayList<>();
        final Random random;
        List<DrawRecord> records;

        Built(long seed, Instant start) {
            random = new Random(seed);
            clock.set(start);
        }

        void advance(long maxMillis) {
            clock.set(clock.instant().plusMillis(random.nextInt((int) maxMillis + 1)));
        }

        ChainVerification verify() {
            return ChainVerifier.verify(records, store.allSecrets(), store.head(), TestEntropy.sources(clock));
        }

        DocumentedVerifier.ChainCheck verifyDocumented() {
            return DocumentedVerifier.verifyChain(
                    records.stream().map(DocumentedVerifierAgreementUnitTest::published).toList(), store.allSecrets(),
                    store.head().lastSeq(), store.head().lastHash(), List.of(DEV_BEACON));
        }
    }

    private static Built big;

    @BeforeAll
    static void drawOnTheProductionNoticePath() {
        big = build(18_07_2026L, DRAWS, Tamper.NONE, -1);
    }

    /** {@code draws} noticed draws in batches, with unused notices and negotiated records between them. */
    static Built build(long seed, int draws, Tamper tamper, int tamperAt) {
        Built b = new Built(seed, Instant.parse("2032-03-01T01:00:00.250Z"));
        for (int first = 0; first < draws; first += BATCH) {
            List<Inputs> inputs = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            List<Noticed> noticed = new ArrayList<>();
            List<Instant[]> announced = new ArrayList<>();
            int last = Math.min(first + BATCH, draws);
            for (int i = first; i < last; i++) {
                if (i % NEGOTIATED_EVERY == 7) {
                    b.chain.append(DocumentedVerifierAgreementUnitTest.negotiatedRecord(b.random, i), null);
                }
                Inputs in = i % 2 == 0 ? DocumentedVerifierAgreementUnitTest.venueInputs(b.random)
                        : DocumentedVerifierAgreementUnitTest.expertInputs(b.random);
                String subject = (in.kind() == DrawKind.HOSTED_EXPERT ? "h-" : "t-") + i;
                if (i % UNUSED_EVERY == 5) {
                    b.unused.add(b.notices.announce(in.kind(), subject)); // an attempt that did not complete
                    b.advance(300);
                }
                Instant from = b.clock.instant();
                noticed.add(b.notices.announce(in.kind(), subject));
                announced.add(new Instant[] {from, b.clock.instant()});
                inputs.add(in);
                subjects.add(subject);
                b.advance(400);
            }
            List<DerivedSeed> seeds = new ArrayList<>();
            Instant latestRound = Instant.EPOCH;
            for (int j = 0; j < noticed.size(); j++) {
                b.advance(700); // lock and read the eligible list
                Instant snapshot = b.clock.instant();
                if (first + j == tamperAt && (tamper == Tamper.SNAPSHOT_BEFORE_NOTICE
                        || tamper == Tamper.OTHER_SUBJECTS_NOTICE_AND_SNAPSHOT_BEFORE_IT)) {
                    snapshot = noticed.get(j).notice().createdAt().minusSeconds(5);
                }
                if (first + j == tamperAt && tamper == Tamper.ROUND_NOT_AFTER_SNAPSHOT) {
                    snapshot = DEV_BEACON.timeOf(round(noticed.get(j)));
                }
                seeds.add(b.notices.seedAfterSnapshot(noticed.get(j), snapshot));
                Instant roundTime = DEV_BEACON.timeOf(round(noticed.get(j)));
                latestRound = roundTime.isAfter(latestRound) ? roundTime : latestRound;
            }
            // The draws wait for their round, then record.
            if (latestRound.isAfter(b.clock.instant())) {
                b.clock.set(latestRound);
            }
            for (int j = 0; j < noticed.size(); j++) {
                b.advance(900);
                int i = first + j;
                Tamper t = i == tamperAt ? tamper : Tamper.NONE;
                DerivedSeed derived = switch (t) {
                    case FORGED_SIGNATURE -> DrawNoticeUnitTest.withEntropy(seeds.get(j),
                            forged(seeds.get(j).entropy()));
                    case OTHER_ROUND_THAN_PLANNED -> DrawNoticeUnitTest.withEntropy(seeds.get(j),
                            DrawNoticeUnitTest.otherRound(seeds.get(j).entropy()));
                    default -> seeds.get(j);
                };
                Inputs in = inputs.get(j);
                if (t == Tamper.SNAPSHOT_AFTER_RECORD) {
                    derived = new DerivedSeed(derived.serverSeed(), derived.seed(), derived.noticeId(),
                            derived.noticeHash(), derived.entropy(), b.clock.instant().plusSeconds(30));
                }
                String result = in.draw().apply(derived.stream());
                DrawKind kind = t == Tamper.OTHER_KIND_THAN_NOTICE
                        ? (in.kind() == DrawKind.VENUE ? DrawKind.EXPERT : DrawKind.VENUE) : in.kind();
                String subject = t == Tamper.OTHER_SUBJECTS_NOTICE
                        || t == Tamper.OTHER_SUBJECTS_NOTICE_AND_SNAPSHOT_BEFORE_IT ? "t-other" : subjects.get(j);
                if (t == Tamper.NOTICE_OF_ANOTHER_ALGORITHM_REUSING_A_COMMITMENT) {
                    DrawRecord notice = noticed.get(j).notice();
                    b.chain.append(new NewDraw(DocumentedVerifierAgreementUnitTest.uuid(b.random), DrawKind.NOTICE,
                            notice.tenderId(), "draw-notice/v1", notice.seedCommitment(), "", notice.request(), "",
                            "system"), noticed.get(j).serverSeed());
                }
                NewDraw draw = new NewDraw(DocumentedVerifierAgreementUnitTest.uuid(b.random), kind, subject,
                        v2(in.algorithm()), derived.commitment(), in.eligibleList(), in.request(), result,
                        b.random.nextBoolean() ? "system" : "u-" + b.random.nextInt(1000));
                if (t == Tamper.NO_COMMITMENT_AFTER_FIRST_NOTICE) { // a random draw's kind, recorded like a negotiation
                    b.chain.append(new NewDraw(draw.id(), kind, subject, in.algorithm(), null, in.eligibleList(),
                            in.request(), result, draw.actor()), null);
                    b.unused.add(noticed.get(j));
                    continue;
                }
                if (t == Tamper.NO_NOTICE_AFTER_FIRST_NOTICE) {
                    DrawSeed own = DrawSeed.of(DocumentedVerifierAgreementUnitTest.bytes(b.random));
                    b.chain.append(new NewDraw(draw.id(), kind, subject, in.algorithm(), own.commitment(),
                            in.eligibleList(), in.request(), in.draw().apply(own.stream()), draw.actor()), own);
                    b.unused.add(noticed.get(j));
                    continue;
                }
                DrawRecord record = b.chain.append(draw.noticed(derived), derived.serverSeed());
                b.draws.add(new Noticed2(noticed.get(j), announced.get(j)[0], announced.get(j)[1], derived, in,
                        record));
                if (t == Tamper.SECOND_DRAW_ON_ONE_NOTICE
                        || t == Tamper.SECOND_DRAW_ON_ONE_NOTICE_FOR_ANOTHER_SUBJECT) {
                    b.advance(900);
                    b.chain.append(new NewDraw(DocumentedVerifierAgreementUnitTest.uuid(b.random), kind,
                            t == Tamper.SECOND_DRAW_ON_ONE_NOTICE ? subject : "t-other",
                            v2(in.algorithm()), derived.commitment(), in.eligibleList(), in.request(), result,
                            "system").noticed(derived), derived.serverSeed());
                }
            }
        }
        b.records = new ArrayList<>(b.store.all());
        if (tamper == Tamper.CHANGED_ENTROPY_VALUE) {
            DrawRecord r = b.draws.get(tamperAt).record();
            TreeMap<String, String> entropy = new TreeMap<>(Canonical.decode(r.entropy()));
            entropy.put("dev-beacon.randomness", "0".repeat(64));
            b.records.set((int) r.seq() - 1, withEntropy(r, Canonical.encode(entropy)));
        }
        return b;
    }

    @Test
    void theDocumentedNoticeRequestIsTheProductionNoticeAndItsRecord() {
        int plannedLaterThanItsCreatedAtSays = 0;
        for (Noticed2 d : big.draws) {
            DrawRecord notice = d.noticed().notice();
            long round = round(d.noticed());
            assertThat(round).isBetween(DEV_BEACON.plannedRound(d.announcedFrom(), MARGIN),
                    DEV_BEACON.plannedRound(d.announcedTo(), MARGIN));
            if (round != DEV_BEACON.plannedRound(notice.createdAt(), MARGIN)) {
                plannedLaterThanItsCreatedAtSays++;
            }
            assertThat(notice.request()).isEqualTo(DocSeedV2.noticeRequest(d.inputs().kind().name(),
                    Map.of("dev-beacon", DocSeedV2.beaconPlan(DEV_BEACON, round))));
            assertThat(notice.kind()).isEqualTo(DrawKind.NOTICE);
            assertThat(notice.algorithm()).isEqualTo("draw-notice/v2");
            assertThat(notice.tenderId()).isEqualTo(d.record().tenderId());
            assertThat(notice.seedCommitment()).isEqualTo(DocumentedVerifier.seedCommitment(
                    d.noticed().serverSeed().bytes()));
            assertThat(notice.eligibleList()).isEmpty();
            assertThat(notice.result()).isEmpty();
            assertThat(notice.noticeId()).isNull();
            assertThat(notice.seq()).isLessThan(d.record().seq());
        }
        // The notice time of v2 §1 is the clock's, not createdAt truncated to seconds: they differ in some rounds.
        assertThat(plannedLaterThanItsCreatedAtSays).isPositive();
    }

    @Test
    void theDocumentedEntropyTextAndDerivedSeedAreTheProductionOnesAndTheResultsFollow() {
        for (Noticed2 d : big.draws) {
            DrawRecord record = d.record();
            long round = round(d.noticed());
            assertThat(record.entropy()).isEqualTo(DocSeedV2.entropyText(Map.of("dev-beacon",
                    DocSeedV2.beaconContribution(DEV_BEACON, round,
                            BeaconSignatures.sign(TestEntropy.TEST_BEACON_KEY, round)))));
            byte[] seed = DocSeedV2.derivedSeed(d.noticed().serverSeed().bytes(), d.noticed().notice().recordHash(),
                    record.entropy());
            assertThat(seed).isEqualTo(d.seed().seed().bytes());
            assertThat(record.noticeHash()).isEqualTo(d.noticed().notice().recordHash());
            assertThat(DocumentedVerifier.recompute(record.algorithm(), seed, record.request(), record.eligibleList()))
                    .as("%s%n%s%n%s", record.algorithm(), record.request(), record.eligibleList())
                    .isEqualTo(record.result());
        }
    }

    @Test
    void theDrawsMixVenueAndExpertDrawsDrawnAndNot() {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Noticed2 d : big.draws) {
            String outcome = d.record().result().startsWith("NO_RANDOM_PICK") ? "NO_RANDOM_PICK" : "drawn";
            outcomes.merge(d.record().kind() + " " + d.record().algorithm() + " " + outcome, 1, Integer::sum);
        }
        assertThat(big.draws).hasSize(DRAWS);
        assertThat(outcomes.keySet()).contains("VENUE venue-draw/v2 drawn", "VENUE venue-draw/v2 NO_RANDOM_PICK",
                "EXPERT expert-draw/v2 drawn", "EXPERT expert-draw/v2 NO_RANDOM_PICK",
                "HOSTED_EXPERT expert-draw/v2 drawn");
        assertThat(big.unused).hasSizeGreaterThan(40);
    }

    @Test
    void theDocumentedRecordHashesOfNoticesAndDrawsAreTheSealedOnesAndEveryRecordVerifiesAsInProduction() {
        Map<String, String> secrets = big.store.allSecrets();
        int notices = 0;
        for (DrawRecord record : big.records) {
            String secretHex = secrets.get(record.id());
            DocRecord published = DocumentedVerifierAgreementUnitTest.published(record);
            assertThat(DocumentedVerifier.recordHash(published, DrawSeed.fromHex(secretHex).bytes()))
                    .as("%s", record).isEqualTo(record.recordHash());
            assertThat(DocumentedVerifier.verify(published, secretHex)).as("%s", record)
                    .isEqualTo(documented(PRODUCTION_VERIFIER.verify(record, secretHex)));
            if (record.kind() == DrawKind.NOTICE) {
                // v2 §5: a notice has nothing to rerun; only its record hash is checked on its own
                assertThat(DocumentedVerifier.verify(published, secretHex)).isEqualTo(new DocumentedVerifier
                        .Verification(true, true, true, null, false, false));
                notices++;
            } else if (record.seedCommitment() != null) {
                assertThat(DocumentedVerifier.verify(published, secretHex).verified()).isTrue();
            }
        }
        assertThat(notices).isEqualTo(DRAWS + big.unused.size());
    }

    @Test
    void theDocumentedVerificationOfTamperedV2RecordsMatchesTheProductionVerifier() {
        Map<String, String> secrets = big.store.allSecrets();
        int compared = 0;
        for (int i = 0; i < big.draws.size(); i += 9) {
            DrawRecord r = big.draws.get(i).record();
            String secret = secrets.get(r.id());
            TreeMap<String, String> entropy = new TreeMap<>(Canonical.decode(r.entropy()));
            entropy.put("dev-beacon.randomness", "0".repeat(64));
            List<DrawRecord> variants = List.of(r, withEntropy(r, Canonical.encode(entropy)),
                    withEntropy(r, r.entropy().replace("sources=", "sources=x")),
                    new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                            r.eligibleList(), r.eligibleListHash(), r.request(), r.result(), r.actor(), r.createdAt(),
                            r.previousHash(), r.recordHash(), r.noticeId(), r.previousHash(), r.entropy(),
                            r.snapshotAt()),
                    new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                            r.eligibleList(), r.eligibleListHash(), r.request(), r.result() + "x", r.actor(),
                            r.createdAt(), r.previousHash(), r.recordHash(), r.noticeId(), r.noticeHash(), r.entropy(),
                            r.snapshotAt()));
            for (DrawRecord variant : variants) {
                for (String secretHex : List.of(secret, secret.toUpperCase(), "00" + secret.substring(2), "abc")) {
                    assertThat(DocumentedVerifier.verify(DocumentedVerifierAgreementUnitTest.published(variant),
                            secretHex)).as("%s with %s", variant, secretHex)
                            .isEqualTo(documented(PRODUCTION_VERIFIER.verify(variant, secretHex)));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(2_000);
    }

    @Test
    void theDocumentedChainCheckAcceptsTheChainAndCountsTheSameUnusedNotices() {
        ChainVerification expected = big.verify();
        DocumentedVerifier.ChainCheck actual = big.verifyDocumented();

        assertThat(expected.intact()).isTrue();
        assertThat(actual).isEqualTo(new DocumentedVerifier.ChainCheck(null, 0, expected.records(),
                expected.unusedNotices()));
        assertThat(actual.unusedNotices()).isEqualTo(big.unused.size());
    }

    @Test
    void theDocumentedChainCheckReportsTheSameFirstFaultForEveryWayAroundTheNotice() {
        for (Tamper tamper : Tamper.values()) {
            if (tamper == Tamper.NONE) {
                continue;
            }
            Built small = build(30 + tamper.ordinal(), 30, tamper, 9);
            ChainVerification expected = small.verify();
            DocumentedVerifier.ChainCheck actual = small.verifyDocumented();

            assertThat(expected.intact()).as("%s", tamper).isFalse();
            assertThat(actual.problem() + " at " + actual.seq()).as("%s", tamper)
                    .isEqualTo(expected.problemCode().name() + " at " + expected.firstBrokenSeq());
            assertThat(actual.problem()).as("%s", tamper).isEqualTo(tamper.fault);
        }
    }

    @Test
    void aSmallUntamperedChainWithAnUnknownSourceFailsInBoth() {
        Built small = build(29, 12, Tamper.NONE, -1);
        DocumentedVerifier.ChainCheck withoutSources = DocumentedVerifier.verifyChain(small.records.stream()
                .map(DocumentedVerifierAgreementUnitTest::published).toList(), small.store.allSecrets(),
                small.store.head().lastSeq(), small.store.head().lastHash());
        // Production configured with drand's quicknet only: dev-beacon is unknown there.
        ChainVerification withoutProductionSources = ChainVerifier.verify(small.records, small.store.allSecrets(),
                small.store.head(), new EntropySources(List.of(new BeaconEntropy(EntropyConfiguration.DRAND_QUICKNET,
                        DrandChain.QUICKNET, new LocalBeaconRounds(TestEntropy.TEST_BEACON_KEY), MARGIN, small.clock,
                        duration -> {
                        })), List.of()));
        DocumentedVerifier.ChainCheck quicknetOnly = DocumentedVerifier.verifyChain(small.records.stream()
                .map(DocumentedVerifierAgreementUnitTest::published).toList(), small.store.allSecrets(),
                small.store.head().lastSeq(), small.store.head().lastHash(), List.of(DocBeacon.QUICKNET));

        assertThat(withoutSources.problem() + " at " + withoutSources.seq())
                .isEqualTo(quicknetOnly.problem() + " at " + quicknetOnly.seq())
                .isEqualTo(withoutProductionSources.problemCode().name() + " at "
                        + withoutProductionSources.firstBrokenSeq());
        assertThat(withoutSources.problem()).isEqualTo("ENTROPY_INVALID");
        ChainVerification intact = small.verify();
        assertThat(intact.intact()).isTrue();
        assertThat(small.verifyDocumented()).isEqualTo(new DocumentedVerifier.ChainCheck(null, 0, intact.records(),
                intact.unusedNotices()));
    }

    private static DocumentedVerifier.Verification documented(DrawVerification v) {
        return new DocumentedVerifier.Verification(v.eligibleListMatchesHash(), v.recordHashValid(),
                v.seedMatchesCommitment(), v.recomputedResult(), v.resultReproduced(), v.verified());
    }

    private static long round(Noticed noticed) {
        return Long.parseLong(noticed.plans().get("dev-beacon").get("round"));
    }

    private static String v2(String v1Algorithm) {
        return v1Algorithm.equals(VenueDrawAlgorithm.ID) ? VenueDrawAlgorithm.ID_V2 : ExpertDrawAlgorithm.ID_V2;
    }

    /** The record as stored with another entropy text, everything else (the record hash too) kept. */
    private static DrawRecord withEntropy(DrawRecord r, String entropy) {
        return new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                r.eligibleList(), r.eligibleListHash(), r.request(), r.result(), r.actor(), r.createdAt(),
                r.previousHash(), r.recordHash(), r.noticeId(), r.noticeHash(), entropy, r.snapshotAt());
    }


    /** The planned round signed with another key: a well-formed point, what someone without the beacon key makes. */
    private static String forged(String entropy) {
        TreeMap<String, String> entries = new TreeMap<>(Canonical.decode(entropy));
        byte[] forgersKey = new byte[32];
        forgersKey[31] = 7;
        String signature = BeaconSignatures.sign(forgersKey, Long.parseLong(entries.get("dev-beacon.round")));
        entries.put("dev-beacon.signature", signature);
        entries.put("dev-beacon.randomness", Hashes.hex(Hashes.sha256(Hashes.unhex(signature))));
        return Canonical.encode(entries);
    }

}
