package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.internal.docverifier.DocRecord;
import cn.hlj.remoteeval.draw.internal.docverifier.DocStream;
import cn.hlj.remoteeval.draw.internal.docverifier.DocumentedVerifier;
import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/**
 * Issue 18 item 6: a second verifier, written from {@code src/docs/algorithms/} alone, agrees with the production
 * draws on 1,000 records of varied seeded inputs: the result text from the record's texts and seed, the record hash
 * of the sealed record, and the chain of those records.
 */
class DocumentedVerifierAgreementUnitTest {

    private static final int VENUE_DRAWS = 500;
    private static final int EXPERT_DRAWS = 500;
    private static final int NEGOTIATED_EVERY = 20;
    private static final List<String> CENTERS = List.of("DQ", "DXAL", "HG", "HH", "HRB", "JMS", "JX", "MDJ", "PROV",
            "QQHR", "QTH", "SH", "SYS", "YC");
    private static final List<String> SPECIALTIES = List.of("A", "A0101", "B02", "C", "D-1");
    private static final Fraction[] MAX_CENTER_SHARES = {new Fraction(1, 2), new Fraction(1, 3), new Fraction(2, 5),
        new Fraction(1, 4), new Fraction(3, 7), new Fraction(5, 10)};
    private static final Fraction[] MAIN_VENUE_SHARES = {new Fraction(1, 3), new Fraction(0, 1), new Fraction(1, 4),
        new Fraction(1, 2), new Fraction(2, 3), new Fraction(1, 1)};

    /** A draw's inputs as the record carries them, and the production algorithm that draws on them. */
    record Inputs(DrawKind kind, String algorithm, String request, String eligibleList,
            java.util.function.Function<RandomStream, String> draw) {
    }

    /** One production draw: its seed and the texts the record carries. */
    private record Draw(DrawKind kind, String algorithm, DrawSeed seed, String request, String eligibleList,
            String result) {
    }

    private static final List<Draw> DRAWS = new ArrayList<>();
    private static final List<DrawRecord> CHAIN = new ArrayList<>();
    private static final Map<String, String> SECRETS = new HashMap<>();

    @BeforeAll
    static void drawAndSealWithTheProductionCode() {
        Random random = new Random(18_06_2026L);
        for (int i = 0; i < VENUE_DRAWS + EXPERT_DRAWS; i++) {
            DRAWS.add(i % 2 == 0 ? venueDraw(random) : expertDraw(random));
        }
        Instant clock = Instant.parse("2031-06-01T02:03:04.567891Z");
        String previous = DrawRecord.GENESIS_HASH;
        for (int i = 0; i < DRAWS.size(); i++) {
            if (i % NEGOTIATED_EVERY == 0) {
                previous = append(negotiatedRecord(random, i), DrawSeed.of(bytes(random)), previous, clock, random);
            }
            Draw draw = DRAWS.get(i);
            NewDraw newDraw = new NewDraw(uuid(random), draw.kind(), "t-" + i, draw.algorithm(),
                    draw.seed().commitment(), draw.eligibleList(), draw.request(), draw.result(),
                    random.nextBoolean() ? "system" : "u-" + random.nextInt(1000));
            previous = append(newDraw, draw.seed(), previous, clock, random);
        }
    }

    @Test
    void theDocumentedVerifierRecomputesEveryResultFromTheRecordTextsAndTheSeed() {
        for (Draw draw : DRAWS) {
            assertThat(DocumentedVerifier.recompute(draw.algorithm(), draw.seed().bytes(), draw.request(),
                    draw.eligibleList()))
                    .as("%s%n%s%n%s", draw.algorithm(), draw.request(), draw.eligibleList())
                    .isEqualTo(draw.result());
        }
    }

    @Test
    void theDrawsCoverDrawnResultsAndEveryKindOfNoRandomPick() {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Draw draw : DRAWS) {
            String outcome = draw.result().startsWith("NO_RANDOM_PICK")
                    ? draw.result().replaceAll("=.*", "=")
                    : "drawn";
            outcomes.merge(draw.algorithm() + " " + outcome, 1, Integer::sum);
        }
        assertThat(outcomes.keySet()).contains("venue-draw/v1 drawn", "venue-draw/v1 NO_RANDOM_PICK",
                "expert-draw/v1 drawn", "expert-draw/v1 NO_RANDOM_PICK specialty=",
                "expert-draw/v1 NO_RANDOM_PICK center=", "expert-draw/v1 NO_RANDOM_PICK main-city-cap",
                "expert-draw/v1 NO_RANDOM_PICK combination");
        assertThat(outcomes.get("venue-draw/v1 drawn")).isGreaterThan(VENUE_DRAWS / 2);
        assertThat(outcomes.get("expert-draw/v1 drawn")).isGreaterThan(EXPERT_DRAWS / 2);
    }

    @Test
    void theDocumentedRecordHashEqualsTheSealedRecordHashAndEveryRecordVerifies() {
        for (DrawRecord record : CHAIN) {
            DocRecord published = published(record);
            String secretHex = SECRETS.get(record.id());

            assertThat(DocumentedVerifier.recordHash(published, DrawSeed.fromHex(secretHex).bytes()))
                    .isEqualTo(record.recordHash());
            assertThat(DocumentedVerifier.textHash(record.eligibleList())).isEqualTo(record.eligibleListHash());
            DocumentedVerifier.Verification verification = DocumentedVerifier.verify(published, secretHex);
            assertThat(verification.verified()).as(record.kind() + " " + record.seq()).isTrue();
            assertThat(verification.resultReproduced()).isEqualTo(record.seedCommitment() == null ? null : true);
        }
    }

    @Test
    void theDocumentedVerifierAcceptsTheChainAndFindsABrokenLink() {
        List<DocRecord> records = CHAIN.stream().map(DocumentedVerifierAgreementUnitTest::published).toList();
        DrawRecord last = CHAIN.get(CHAIN.size() - 1);

        assertThat(DocumentedVerifier.verifyChain(records, SECRETS, last.seq(), last.recordHash()))
                .isEqualTo(new DocumentedVerifier.ChainCheck(null, 0, CHAIN.size()));

        List<DocRecord> withoutOne = new ArrayList<>(records);
        withoutOne.remove(500);
        assertThat(DocumentedVerifier.verifyChain(withoutOne, SECRETS, last.seq(), last.recordHash()).problem())
                .isEqualTo("RECORD_MISSING");
        List<DocRecord> relinked = new ArrayList<>(records);
        DocRecord r = relinked.get(700);
        DrawRecord resealed = DrawRecord.seal(new NewDraw(r.id(), DrawKind.valueOf(r.kind()), r.tenderId(),
                r.algorithm(), r.seedCommitment(), r.eligibleList(), r.request(), r.result(), r.actor()), r.seq(),
                CHAIN.get(698).recordHash(), r.createdAt(), DrawSeed.fromHex(SECRETS.get(r.id())));
        relinked.set(700, published(resealed));
        assertThat(DocumentedVerifier.verifyChain(relinked, SECRETS, last.seq(), last.recordHash()))
                .isEqualTo(new DocumentedVerifier.ChainCheck("PREVIOUS_HASH_MISMATCH", 701, 0));
    }

    @Test
    void aPerturbedSeedChangesTheProductionResultsSoTheComparisonIsNotVacuous() {
        int changed = 0;
        int drawn = 0;
        for (Draw draw : DRAWS) {
            byte[] perturbed = draw.seed().bytes();
            perturbed[17] ^= 0x01;
            String perturbedResult = algorithm(draw.algorithm()).recompute(DrawSeed.of(perturbed), draw.request(),
                    draw.eligibleList());
            String documented = DocumentedVerifier.recompute(draw.algorithm(), draw.seed().bytes(), draw.request(),
                    draw.eligibleList());
            if (!draw.result().startsWith("NO_RANDOM_PICK")) {
                drawn++;
                if (!perturbedResult.equals(documented)) {
                    changed++;
                }
            }
            assertThat(DocumentedVerifier.recompute(draw.algorithm(), perturbed, draw.request(), draw.eligibleList()))
                    .isEqualTo(perturbedResult);
        }
        assertThat(changed).isGreaterThan(drawn / 2);
    }

    @Test
    void aRecordWithAChangedResultOrSecretIsNotVerified() {
        DrawRecord record = CHAIN.stream().filter(r -> r.kind() == DrawKind.EXPERT
                && !r.result().startsWith("NO_RANDOM_PICK")).findFirst().orElseThrow();
        DocRecord published = published(record);
        String otherSeed = DrawSeed.of(new byte[32]).hex();

        assertThat(DocumentedVerifier.verify(published, otherSeed).verified()).isFalse();
        DocRecord changedResult = new DocRecord(published.id(), published.seq(), published.kind(),
                published.tenderId(), published.algorithm(), published.seedCommitment(), published.eligibleList(),
                published.eligibleListHash(), published.request(), published.result().replace("|", "|x"),
                published.actor(), published.createdAt(), published.previousHash(), published.recordHash());
        DocumentedVerifier.Verification verification = DocumentedVerifier.verify(changedResult,
                SECRETS.get(record.id()));
        assertThat(verification.verified()).isFalse();
        assertThat(verification.recordHashValid()).isFalse();
        assertThat(verification.resultReproduced()).isFalse();
    }

    @Test
    void theDocumentedStreamAndPickMatchTheProductionOnesIncludingRejections() {
        Random random = new Random(6);
        int[] bounds = {1, 2, 3, 13, 1_610_612_736, Integer.MAX_VALUE, 1_431_655_766};
        int rejections = 0;
        for (int s = 0; s < 50; s++) {
            byte[] seed = bytes(random);
            RandomStream production = new RandomStream(seed);
            DocStream documented = new DocStream(seed);
            DocStream unsigned = new DocStream(seed);
            for (int i = 0; i < 200; i++) {
                int bound = bounds[random.nextInt(bounds.length)];
                long before = unsigned.nextU32();
                long limit = (1L << 32) - (1L << 32) % bound;
                while (before >= limit) {
                    rejections++;
                    before = unsigned.nextU32();
                }
                assertThat(documented.nextInt(bound)).isEqualTo(production.nextInt(bound))
                        .isEqualTo((int) (before % bound));
            }
            List<String> candidates = subset(random, CENTERS, 1 + random.nextInt(CENTERS.size()));
            int k = random.nextInt(candidates.size() + 1);
            assertThat(new DocStream(seed).uniformPick(candidates, k))
                    .isEqualTo(UniformPick.pick(candidates, k, new RandomStream(seed)));
        }
        assertThat(rejections).isGreaterThan(100);
    }

    @Test
    void theDocumentedVerificationMatchesTheProductionVerifierOnGenuineAndTamperedRecords() {
        DrawVerifier production = new DrawVerifier(new DrawAlgorithms(List.of(new VenueDrawAlgorithm(),
                new ExpertDrawAlgorithm())));
        int compared = 0;
        for (int i = 0; i < CHAIN.size(); i += 7) {
            DrawRecord record = CHAIN.get(i);
            String secret = SECRETS.get(record.id());
            List<DrawRecord> variants = List.of(record,
                    with(record, record.request(), record.eligibleList(), record.result() + "x"),
                    with(record, reversedLines(record.request()), record.eligibleList(), record.result()),
                    with(record, record.request(), reversedLines(record.eligibleList()), record.result()),
                    with(record, record.request().replace("=1", "=01"), record.eligibleList(), record.result()),
                    with(record, record.request(), record.eligibleList().replace("|", "|x"), record.result()));
            for (DrawRecord variant : variants) {
                for (String secretHex : List.of(secret, secret.toUpperCase(), "00" + secret.substring(2), "abc")) {
                    DrawVerification expected = production.verify(variant, secretHex);
                    DocumentedVerifier.Verification actual = DocumentedVerifier.verify(published(variant), secretHex);
                    assertThat(actual).as("%s with %s", variant, secretHex).isEqualTo(
                            new DocumentedVerifier.Verification(expected.eligibleListMatchesHash(),
                                    expected.recordHashValid(), expected.seedMatchesCommitment(),
                                    expected.recomputedResult(), expected.resultReproduced(), expected.verified()));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(3_000);
    }

    @Test
    void theDocumentedChainCheckReportsTheSameFirstFaultAsTheProductionChainVerifier() {
        DrawRecord last = CHAIN.get(CHAIN.size() - 1);
        ChainHead head = new ChainHead(last.seq(), last.recordHash());
        DrawRecord negotiated = CHAIN.stream().filter(r -> r.seedCommitment() == null).skip(3).findFirst()
                .orElseThrow();
        Map<String, String> otherSalt = new HashMap<>(SECRETS);
        otherSalt.put(negotiated.id(), DrawSeed.of(new byte[32]).hex());
        Map<String, String> otherSeed = new HashMap<>(SECRETS);
        otherSeed.put(CHAIN.get(300).id(), DrawSeed.of(new byte[32]).hex());
        Map<String, String> noSecret = new HashMap<>(SECRETS);
        noSecret.remove(CHAIN.get(400).id());
        DrawRecord changedList = CHAIN.get(200);
        DrawRecord changedActor = CHAIN.get(250);

        record Case(List<DrawRecord> records, Map<String, String> secrets, ChainHead head) {
        }
        List<Case> cases = List.of(new Case(CHAIN, SECRETS, head),
                new Case(CHAIN.subList(0, 600), SECRETS, head),
                new Case(CHAIN, SECRETS, new ChainHead(last.seq() + 1, last.recordHash())),
                new Case(CHAIN, SECRETS, new ChainHead(last.seq(), CHAIN.get(5).recordHash())),
                new Case(CHAIN, otherSalt, head), new Case(CHAIN, otherSeed, head), new Case(CHAIN, noSecret, head),
                new Case(replaced(200, with(changedList, changedList.request(), changedList.eligibleList() + "X=1\n",
                        changedList.result())), SECRETS, head),
                new Case(replaced(250, new DrawRecord(changedActor.id(), changedActor.seq(), changedActor.kind(),
                        changedActor.tenderId(), changedActor.algorithm(), changedActor.seedCommitment(),
                        changedActor.eligibleList(), changedActor.eligibleListHash(), changedActor.request(),
                        changedActor.result(), "intruder", changedActor.createdAt(), changedActor.previousHash(),
                        changedActor.recordHash())), SECRETS, head),
                new Case(CHAIN.subList(1, CHAIN.size()), SECRETS, head));
        for (Case c : cases) {
            ChainVerification expected = ChainVerifier.verify(c.records(), c.secrets(), c.head(),
                    TestEntropy.sources(java.time.Clock.systemUTC()));
            DocumentedVerifier.ChainCheck actual = DocumentedVerifier.verifyChain(
                    c.records().stream().map(DocumentedVerifierAgreementUnitTest::published).toList(), c.secrets(),
                    c.head().lastSeq(), c.head().lastHash());
            assertThat(actual.intact()).isEqualTo(expected.intact());
            if (expected.intact()) {
                assertThat(actual.records()).isEqualTo(expected.records());
            } else {
                assertThat(actual.problem()).isEqualTo(expected.problemCode().name());
                assertThat(actual.seq()).isEqualTo(expected.firstBrokenSeq());
            }
        }
    }

    private static List<DrawRecord> replaced(int index, DrawRecord record) {
        List<DrawRecord> records = new ArrayList<>(CHAIN);
        records.set(index, record);
        return records;
    }

    /** The record with other texts, its eligible-list hash recomputed when the list changed, the record hash kept. */
    private static DrawRecord with(DrawRecord r, String request, String eligibleList, String result) {
        String listHash = eligibleList.equals(r.eligibleList()) ? r.eligibleListHash()
                : DocumentedVerifier.textHash(eligibleList);
        return new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(), eligibleList,
                listHash, request, result, r.actor(), r.createdAt(), r.previousHash(), r.recordHash());
    }

    private static String reversedLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        Collections.reverse(lines);
        return String.join("\n", lines) + "\n";
    }

    private static String append(NewDraw draw, DrawSeed secret, String previous, Instant clock, Random random) {
        Instant createdAt = clock.plusSeconds(CHAIN.size() * 7L).plusNanos(random.nextInt(1_000_000_000));
        DrawRecord record = DrawRecord.seal(draw, CHAIN.size() + 1, previous, createdAt, secret);
        CHAIN.add(record);
        SECRETS.put(record.id(), secret.hex());
        return record.recordHash();
    }

    static DocRecord published(DrawRecord r) {
        return new DocRecord(r.id(), r.seq(), r.kind().name(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                r.eligibleList(), r.eligibleListHash(), r.request(), r.result(), r.actor(), r.createdAt(),
                r.previousHash(), r.recordHash(), r.noticeId(), r.noticeHash(), r.entropy(), r.snapshotAt());
    }

    private static DrawAlgorithm algorithm(String id) {
        return id.equals(VenueDrawAlgorithm.ID) ? new VenueDrawAlgorithm() : new ExpertDrawAlgorithm();
    }

    private static Draw venueDraw(Random random) {
        return drawn(venueInputs(random), DrawSeed.of(bytes(random)));
    }

    private static Draw expertDraw(Random random) {
        return drawn(expertInputs(random), DrawSeed.of(bytes(random)));
    }

    private static Draw drawn(Inputs inputs, DrawSeed seed) {
        return new Draw(inputs.kind(), inputs.algorithm(), seed, inputs.request(), inputs.eligibleList(),
                inputs.draw().apply(seed.stream()));
    }

    /** Varied venue-draw inputs: scarce and ample free seats, default and other limits, small committees. */
    static Inputs venueInputs(Random random) {
        int n = random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 3 + random.nextInt(28);
        String main = pick(random, CENTERS);
        SeatPlanLimits limits = random.nextInt(3) == 0 ? SeatPlanLimits.defaults()
                : new SeatPlanLimits(2 + random.nextInt(3), MAX_CENTER_SHARES[random.nextInt(MAX_CENTER_SHARES.length)],
                        MAIN_VENUE_SHARES[random.nextInt(MAIN_VENUE_SHARES.length)]);
        VenueDrawRequest request = new VenueDrawRequest(n, main, slot(random), limits);
        int scarcity = random.nextInt(3);
        Map<String, Integer> free = new TreeMap<>();
        for (String center : CENTERS) {
            if (random.nextInt(12) == 0) {
                continue; // a center missing from the list counts as 0 free seats
            }
            free.put(center, random.nextInt(4) < scarcity ? 0 : random.nextInt(2 + random.nextInt(16)));
        }
        return new Inputs(DrawKind.VENUE, VenueDrawAlgorithm.ID, request.canonical(), Canonical.encodeCounts(free),
                stream -> new VenueDrawAlgorithm().draw(stream, request, free).canonical());
    }

    /** Varied expert-draw inputs: first, supplementary and hosted draws, every kind of NO_RANDOM_PICK. */
    static Inputs expertInputs(Random random) {
        String main = pick(random, CENTERS);
        Locality locality = random.nextInt(4) == 0 ? Locality.PROVINCE : Locality.SAME_CITY;
        TreeMap<String, Integer> seats = new TreeMap<>();
        TreeMap<String, Integer> quotas = new TreeMap<>();
        int shape = random.nextInt(10);
        DrawKind kind = DrawKind.EXPERT;
        int committeeSize;
        int mainCityCap;
        int alreadySeated;
        if (shape == 0) { // supplementary: one seat
            seats.put(random.nextBoolean() ? main : pick(random, CENTERS), 1);
            quotas.put(pick(random, SPECIALTIES), 1);
            committeeSize = 5 + random.nextInt(20);
            alreadySeated = random.nextInt(committeeSize / 3 + 1);
            mainCityCap = committeeSize / 3;
        } else if (shape == 1) { // hosted: the hosting center's seats only, the cap never binds
            kind = DrawKind.HOSTED_EXPERT;
            int e = 1 + random.nextInt(5);
            seats.put(main, e);
            spread(random, quotas, subset(random, SPECIALTIES, 1 + random.nextInt(e)), e);
            committeeSize = e;
            mainCityCap = e;
            alreadySeated = 0;
        } else {
            List<String> centers = subset(random, CENTERS, 1 + random.nextInt(4));
            if (random.nextBoolean() && !centers.contains(main)) {
                centers.add(main);
            }
            int m = centers.size() + random.nextInt(9);
            spread(random, seats, centers, m);
            spread(random, quotas, subset(random, SPECIALTIES, 1 + random.nextInt(Math.min(3, m))), m);
            alreadySeated = random.nextInt(5) == 0 ? random.nextInt(3) : 0;
            committeeSize = m + alreadySeated + random.nextInt(4);
            mainCityCap = random.nextInt(4) == 0 ? random.nextInt(committeeSize + 1) : committeeSize / 3;
        }
        ExpertDrawRequest request = new ExpertDrawRequest(committeeSize, main, mainCityCap, alreadySeated, locality,
                slot(random), seats, quotas);
        List<EligibleExpert> eligible = eligible(random, quotas, seats, main);
        return new Inputs(kind, ExpertDrawAlgorithm.ID, request.canonical(), ExpertEligibleList.encodeEntries(eligible),
                stream -> new ExpertDrawAlgorithm().draw(stream, request, eligible).canonical());
    }

    /** Candidates of the quota specialties, mostly from the seats' cities and the main city, refs not in group order. */
    private static List<EligibleExpert> eligible(Random random, Map<String, Integer> quotas,
            Map<String, Integer> seats, String main) {
        TreeSet<String> cities = new TreeSet<>(seats.keySet());
        cities.add(main);
        cities.addAll(subset(random, CENTERS, random.nextInt(3)));
        boolean ample = random.nextInt(3) != 0;
        Map<String, EligibleExpert> byRef = new LinkedHashMap<>();
        for (String specialty : quotas.keySet()) {
            for (String city : cities) {
                int count = ample ? 1 + random.nextInt(4) : random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    String ref = "e" + Integer.toString(random.nextInt(1 << 20), 36) + "-" + byRef.size();
                    byRef.put(ref, new EligibleExpert(ref, specialty,
                            random.nextBoolean() ? ExpertCategory.TECHNICAL : ExpertCategory.ECONOMIC, city));
                }
            }
        }
        return new ArrayList<>(byRef.values());
    }

    private static void spread(Random random, Map<String, Integer> counts, List<String> keys, int total) {
        for (String key : keys) {
            counts.put(key, 1);
        }
        for (int i = keys.size(); i < total; i++) {
            counts.merge(pick(random, keys), 1, Integer::sum);
        }
    }

    private static List<String> subset(Random random, List<String> from, int size) {
        List<String> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        return new ArrayList<>(shuffled.subList(0, Math.min(size, from.size())));
    }

    static NewDraw negotiatedRecord(Random random, int i) {
        VenueDrawRequest request = new VenueDrawRequest(9, "HRB", slot(random), SeatPlanLimits.defaults());
        Map<String, Integer> free = new TreeMap<>();
        CENTERS.forEach(center -> free.put(center, random.nextInt(10)));
        return new NewDraw(uuid(random), DrawKind.NEGOTIATED_VENUES, "t-n" + i, "negotiated-venues/v1", null,
                Canonical.encodeCounts(free), request.canonical(), Canonical.encodeCounts(Map.of("HRB", 3, "DQ", 3,
                        "SH", 3)), "u-" + random.nextInt(1000));
    }

    private static Slot slot(Random random) {
        return new Slot(LocalDate.of(2031, 1, 1).plusDays(random.nextInt(3000)),
                random.nextBoolean() ? HalfDay.AM : HalfDay.PM);
    }

    static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    static byte[] bytes(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
