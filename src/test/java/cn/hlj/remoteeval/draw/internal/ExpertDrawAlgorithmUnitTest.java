package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.expert.ExpertCategory;

/**
 * expert-draw/v1 seats exactly the requested composition whatever the seed, within the locality and
 * the main-city cap, falls back only when no committee exists (checked against an exhaustive search),
 * and is reproducible from its record.
 */
class ExpertDrawAlgorithmUnitTest {

    private static final List<String> CENTERS = VenueDrawAlgorithmUnitTest.CENTERS;

    private final ExpertDrawAlgorithm algorithm = new ExpertDrawAlgorithm();

    @Test
    void drawsExactlyTheRequestedCompositionOrFallsBackOnlyWhenNoCommitteeExists() {
        Random instances = new Random(20340912L);
        List<String> cities = List.of("DQ", "HRB", "JX", "MDJ", "SH");
        int drawn = 0;
        int fallbacks = 0;
        Set<String> reasons = new HashSet<>();
        for (int round = 0; round < 3000; round++) {
            String main = cities.get(instances.nextInt(4));
            TreeMap<String, Integer> seats = new TreeMap<>();
            for (String center : cities.subList(0, 4)) {
                if (instances.nextInt(3) > 0) {
                    seats.put(center, 1 + instances.nextInt(2));
                }
            }
            if (seats.isEmpty()) {
                seats.put(main, 1);
            }
            int m = seats.values().stream().mapToInt(Integer::intValue).sum();
            TreeMap<String, Integer> quotas = new TreeMap<>();
            for (int i = 0; i < m; i++) {
                quotas.merge(List.of("A", "B", "C").get(instances.nextInt(3)), 1, Integer::sum);
            }
            List<EligibleExpert> pool = new ArrayList<>();
            for (String specialty : quotas.keySet()) {
                for (String city : cities) {
                    int count = instances.nextInt(10) < 6 ? instances.nextInt(3) : 0;
                    for (int i = 0; i < count; i++) {
                        pool.add(expert(specialty, city, pool.size()));
                    }
                }
            }
            Locality locality = instances.nextBoolean() ? Locality.SAME_CITY : Locality.PROVINCE;
            ExpertDrawRequest request = new ExpertDrawRequest(m + 4, main, instances.nextInt(4), instances.nextInt(3), locality,
                    ExpertDrawTextsUnitTest.SLOT, seats, quotas);

            ExpertDrawOutcome outcome = algorithm.draw(seed("oracle " + round).stream(), request, pool);

            boolean exists = Oracle.committeeExists(request, pool);
            assertThat(outcome.drawn()).as("round %d: drawn exactly when a committee exists", round).isEqualTo(exists);
            if (outcome.drawn()) {
                drawn++;
                assertComposition(request, pool, outcome);
            } else {
                fallbacks++;
                reasons.add(outcome.noRandomPickReason().replaceAll("=.*", ""));
            }
        }
        assertThat(drawn).as("most instances allow a committee").isGreaterThan(1000);
        assertThat(fallbacks).as("and many do not").isGreaterThan(300);
        assertThat(reasons).containsExactlyInAnyOrder("specialty", "center", "main-city-cap", "combination");
    }

    @Test
    void aSevenMemberCommitteeOverTheProvinceHasItsCompositionForEverySeed() {
        ExpertDrawRequest request = new ExpertDrawRequest(9, "HRB", 3, 0, Locality.SAME_CITY, ExpertDrawTextsUnitTest.SLOT,
                counts("HRB", 2, "DQ", 3, "MDJ", 2), counts("S00", 4, "S07", 2, "S13", 1));
        List<EligibleExpert> pool = requested(provincePool(new Random(11L), 3000, 20), request);
        for (int i = 0; i < 500; i++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("province " + i).stream(), request, pool);

            assertComposition(request, pool, outcome);
            // Policy 五 with two tenderer's representatives: 7 drawn experts, all technical or economic, are ≥ 2/3 of 9.
            assertThat(3 * outcome.seats().size()).isGreaterThanOrEqualTo(2 * request.committeeSize());
        }
    }

    @Test
    void theMainVenueTakesExpertsFromElsewhereWhenItHasMoreSeatsThanItsCityMayFill() {
        // SAME_CITY, 3 seats at HRB but at most 2 experts of Harbin: the third comes from another city.
        List<EligibleExpert> pool = pool("A@HRB*6", "A@DQ*3", "A@SH*3");
        ExpertDrawRequest request = request(Locality.SAME_CITY, 2, 0, counts("HRB", 3), counts("A", 3));
        Map<Integer, Integer> harbinCounts = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("overflow " + i).stream(), request, pool);

            assertComposition(request, pool, outcome);
            harbinCounts.merge(mainCityExperts(outcome, pool, "HRB"), 1, Integer::sum);
        }
        assertThat(harbinCounts).as("never above the cap, and the cap is reached").containsOnlyKeys(0, 1, 2)
                .containsKey(2);
    }

    @Test
    void theMainCityCapCountsTheExpertsAlreadySeatedByASupplementaryDraw() {
        List<EligibleExpert> pool = pool("A@HRB*6", "A@DQ*2");
        // Cap 2, one Harbin expert still on the committee: one more at most.
        ExpertDrawRequest request = request(Locality.SAME_CITY, 2, 1, counts("HRB", 2), counts("A", 2));
        Set<Integer> harbinCounts = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("seated " + i).stream(), request, pool);

            assertComposition(request, pool, outcome);
            harbinCounts.add(mainCityExperts(outcome, pool, "HRB"));
        }
        assertThat(harbinCounts).containsExactlyInAnyOrder(0, 1);

        ExpertDrawRequest full = request(Locality.SAME_CITY, 2, 2, counts("HRB", 1), counts("A", 1));
        for (int i = 0; i < 200; i++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("full " + i).stream(), full, pool);
            assertThat(mainCityExperts(outcome, pool, "HRB")).as("no cap left").isZero();
        }
    }

    @Test
    void theMainCityCapHoldsAcrossTheProvinceToo() {
        List<EligibleExpert> pool = pool("A@HRB*20", "B@HRB*20", "A@DQ*2", "B@JX*2", "B@SH*1");
        ExpertDrawRequest request = request(Locality.PROVINCE, 2, 0, counts("HRB", 2, "DQ", 2, "JX", 3),
                counts("A", 3, "B", 4));
        Set<Integer> harbinCounts = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("province cap " + i).stream(), request, pool);

            assertComposition(request, pool, outcome);
            harbinCounts.add(mainCityExperts(outcome, pool, "HRB"));
        }
        // 5 experts exist outside Harbin, 7 seats: exactly 2 from Harbin every time.
        assertThat(harbinCounts).containsExactly(2);
    }

    @Test
    void aPickThatWouldLeaveALaterSeatWithoutItsSpecialtyIsNeverMade() {
        // DQ is filled first. A greedy pick of an A expert at DQ (3 of 4 candidates) would leave HRB, which
        // only has A experts, unable to seat the B quota. The flow sees it: DQ always gets its B expert.
        List<EligibleExpert> pool = pool("A@DQ*3", "B@DQ*1", "A@HRB*3");
        ExpertDrawRequest request = request(Locality.SAME_CITY, 3, 0, counts("DQ", 1, "HRB", 1), counts("A", 1, "B", 1));
        for (int i = 0; i < 500; i++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("dead end " + i).stream(), request, pool);

            assertThat(outcome.seats().get(0)).extracting(DrawnSeat::center, DrawnSeat::specialty).containsExactly("DQ", "B");
            assertThat(outcome.seats().get(1)).extracting(DrawnSeat::center, DrawnSeat::specialty).containsExactly("HRB", "A");
        }
    }

    @Test
    void aPickThatWouldSpendTheMainCityCapNeededLaterIsNeverMade() {
        // Across the province with one Harbin expert allowed: the only B expert lives in Harbin, so the A
        // expert must come from Jixi. A greedy pick of a Harbin A expert for the first seat would dead-end.
        List<EligibleExpert> pool = pool("A@HRB*5", "A@JX*1", "B@HRB*1");
        ExpertDrawRequest request = request(Locality.PROVINCE, 1, 0, counts("DQ", 1, "HRB", 1), counts("A", 1, "B", 1));
        Set<String> firstSeats = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("cap dead end " + i).stream(), request, pool);

            assertComposition(request, pool, outcome);
            assertThat(outcome.seats()).extracting(DrawnSeat::expertRef).containsExactlyInAnyOrder("A.JX-0", "B.HRB-0");
            firstSeats.add(outcome.seats().get(0).expertRef());
        }
        assertThat(firstSeats).as("either of the two may take the first seat").hasSize(2);
    }

    @Test
    void aBarelyFeasibleDrawSeatsTheOnlyPossibleCommittee() {
        List<EligibleExpert> pool = pool("A@DQ*2", "B@DQ*1", "A@MDJ*1", "B@MDJ*1", "C@SH*5");
        ExpertDrawRequest request = request(Locality.SAME_CITY, 3, 0, counts("DQ", 3, "MDJ", 2), counts("A", 3, "B", 2));
        for (int i = 0; i < 300; i++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("barely " + i).stream(), request,
                    pool.stream().filter(e -> !e.specialty().equals("C")).toList());

            assertThat(outcome.seats()).extracting(DrawnSeat::expertRef).containsExactlyInAnyOrder("A.DQ-0", "A.DQ-1",
                    "B.DQ-0", "A.MDJ-0", "B.MDJ-0");
        }
    }

    @Test
    void noRandomPickNamesTheFirstSpecialtyThePoolCannotProvide() {
        List<EligibleExpert> pool = pool("A@DQ*5", "B@DQ*1", "C@DQ*1");
        ExpertDrawRequest request = request(Locality.SAME_CITY, 3, 0, counts("DQ", 5), counts("A", 1, "B", 2, "C", 2));

        ExpertDrawOutcome outcome = algorithm.draw(seed("short").stream(), request, pool);

        assertThat(outcome.canonical()).isEqualTo("NO_RANDOM_PICK specialty=B");
        assertThat(Oracle.committeeExists(request, pool)).isFalse();
    }

    @Test
    void noRandomPickNamesACenterWithTooFewLocalExperts() {
        // Enough A experts in the province, but only one lives in Mudanjiang, which has two seats.
        List<EligibleExpert> pool = pool("A@DQ*5", "A@MDJ*1", "A@SH*5");

        ExpertDrawOutcome outcome = algorithm.draw(seed("local").stream(),
                request(Locality.SAME_CITY, 3, 0, counts("DQ", 1, "MDJ", 2), counts("A", 3)), pool);

        assertThat(outcome.canonical()).isEqualTo("NO_RANDOM_PICK center=MDJ");
        ExpertDrawOutcome acrossTheProvince = algorithm.draw(seed("local").stream(),
                request(Locality.PROVINCE, 3, 0, counts("DQ", 1, "MDJ", 2), counts("A", 3)), pool);
        assertThat(acrossTheProvince.drawn()).isTrue();
    }

    @Test
    void noRandomPickWhenOnlyTheMainCityCouldFillTheCommittee() {
        List<EligibleExpert> pool = pool("A@HRB*9", "A@DQ*1");

        ExpertDrawOutcome outcome = algorithm.draw(seed("cap").stream(),
                request(Locality.PROVINCE, 2, 0, counts("HRB", 2, "DQ", 2), counts("A", 4)), pool);

        assertThat(outcome.canonical()).isEqualTo("NO_RANDOM_PICK main-city-cap");
    }

    @Test
    void noRandomPickWhenEveryCountSufficesButNoAssignmentDoes() {
        // B and C live only in Suihua, which has one seat.
        List<EligibleExpert> pool = pool("A@DQ*1", "A@JX*1", "B@SH*1", "C@SH*1");
        ExpertDrawRequest request = request(Locality.SAME_CITY, 3, 0, counts("DQ", 1, "JX", 1, "SH", 1),
                counts("A", 1, "B", 1, "C", 1));

        ExpertDrawOutcome outcome = algorithm.draw(seed("hall").stream(), request, pool);

        assertThat(outcome.canonical()).isEqualTo("NO_RANDOM_PICK combination");
        assertThat(Oracle.committeeExists(request, pool)).isFalse();
    }

    @Test
    void theSameSeedAndTextsGiveTheSameResultAndTheRecordRecomputesIt() {
        ExpertDrawRequest request = new ExpertDrawRequest(7, "QQHR", 2, 0, Locality.SAME_CITY, ExpertDrawTextsUnitTest.SLOT,
                counts("QQHR", 2, "DQ", 2, "SH", 1), counts("S01", 3, "S02", 2));
        List<EligibleExpert> pool = requested(provincePool(new Random(5L), 2000, 10), request);
        String requestText = request.canonical();
        String eligibleText = ExpertEligibleList.encodeEntries(pool);
        int differing = 0;
        ExpertDrawOutcome previous = null;
        for (int i = 0; i < 500; i++) {
            DrawSeed seed = seed("repro " + i);
            ExpertDrawOutcome outcome = algorithm.draw(seed.stream(), request, pool);

            assertThat(algorithm.draw(seed.stream(), ExpertDrawRequest.parse(requestText), ExpertEligibleList.decode(eligibleText)))
                    .isEqualTo(outcome);
            assertThat(algorithm.recompute(DrawSeed.fromHex(seed.hex()), requestText, eligibleText)).isEqualTo(outcome.canonical());
            assertThat(ExpertDrawOutcome.parse(outcome.canonical())).isEqualTo(outcome);
            if (previous != null && !previous.equals(outcome)) {
                differing++;
            }
            previous = outcome;
        }
        assertThat(differing).as("other seeds give other committees").isGreaterThan(490);
        assertThat(algorithm.id()).isEqualTo("expert-draw/v1");
    }

    @Test
    void aTamperedEligibleListOrRequestIsRefusedOrGivesAnotherResult() {
        List<EligibleExpert> pool = pool("A@DQ*4", "B@DQ*3", "A@HRB*4", "B@HRB*2", "A@MDJ*3");
        ExpertDrawRequest request = request(Locality.SAME_CITY, 2, 0, counts("DQ", 2, "HRB", 1, "MDJ", 1),
                counts("A", 3, "B", 1));
        DrawSeed seed = seed("tamper");
        String eligibleText = ExpertEligibleList.encodeEntries(pool);
        String result = algorithm.recompute(seed, request.canonical(), eligibleText);
        String firstDrawn = ExpertDrawOutcome.parse(result).seats().get(0).expertRef();

        // Leaving out the first drawn expert cannot give the recorded result.
        String withoutFirst = ExpertEligibleList.encodeEntries(pool.stream().filter(e -> !e.expertRef().equals(firstDrawn)).toList());
        assertThat(algorithm.recompute(seed, request.canonical(), withoutFirst)).isNotEqualTo(result);
        // Adding a candidate in front shifts every pick.
        List<EligibleExpert> padded = new ArrayList<>(pool);
        padded.add(new EligibleExpert("A.DQ-00", "A", ExpertCategory.TECHNICAL, "DQ"));
        assertThat(algorithm.recompute(seed, request.canonical(), ExpertEligibleList.encodeEntries(padded))).isNotEqualTo(result);
        // A candidate of a specialty without quota, lines out of order, a changed request: refused.
        List<EligibleExpert> foreign = new ArrayList<>(pool);
        foreign.add(new EligibleExpert("Z.DQ-0", "Z", ExpertCategory.ECONOMIC, "DQ"));
        assertThatThrownBy(() -> algorithm.recompute(seed, request.canonical(), ExpertEligibleList.encodeEntries(foreign)))
                .isInstanceOf(IllegalArgumentException.class);
        String[] lines = eligibleText.split("\n");
        String swapped = lines[1] + "\n" + lines[0] + "\n" + eligibleText.substring(lines[0].length() + lines[1].length() + 2);
        assertThatThrownBy(() -> algorithm.recompute(seed, request.canonical(), swapped)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> algorithm.recompute(seed, request.canonical().replace("mainCityCap=2", "mainCityCap=02"),
                eligibleText)).isInstanceOf(IllegalArgumentException.class);
        // A changed request that still parses draws another committee.
        String otherSeats = request.canonical().replace("seats=DQ:2,HRB:1,MDJ:1", "seats=DQ:1,HRB:2,MDJ:1");
        assertThat(algorithm.recompute(seed, otherSeats, eligibleText)).isNotEqualTo(result);
    }

    @Test
    void anExpertDrawIsRecordedAndVerifiedThroughTheSharedChainAndVerifier() {
        InMemoryDrawStore store = new InMemoryDrawStore();
        DrawChain chain = new DrawChain(store, new TestSalts(), Clock.fixed(Instant.parse("2034-09-01T02:03:04Z"), ZoneOffset.UTC));
        DrawVerifier verifier = new DrawVerifier(new DrawAlgorithms(List.of(new VenueDrawAlgorithm(), algorithm)));
        ExpertDrawRequest request = new ExpertDrawRequest(7, "HRB", 2, 0, Locality.SAME_CITY, ExpertDrawTextsUnitTest.SLOT,
                counts("HRB", 2, "JMS", 2, "YC", 1), counts("S00", 3, "S04", 2));
        List<EligibleExpert> pool = requested(provincePool(new Random(3L), 1000, 5), request);
        DrawSeed seed = seed("chain");
        String eligibleText = ExpertEligibleList.encodeEntries(pool);
        DrawRecord record = chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.EXPERT, "t-expert",
                ExpertDrawAlgorithm.ID, seed.commitment(), eligibleText, request.canonical(),
                algorithm.draw(seed.stream(), request, pool).canonical(), "system"), seed);

        assertThat(verifier.verify(record, seed.hex()).verified()).isTrue();

        String tampered = ExpertEligibleList.encodeEntries(pool.subList(1, pool.size()));
        DrawRecord changed = new DrawRecord(record.id(), record.seq(), record.kind(), record.tenderId(), record.algorithm(),
                record.seedCommitment(), tampered, record.eligibleListHash(), record.request(), record.result(),
                record.actor(), record.createdAt(), record.previousHash(), record.recordHash());
        DrawVerification verification = verifier.verify(changed, seed.hex());
        assertThat(verification.eligibleListMatchesHash()).isFalse();
        assertThat(verification.verified()).isFalse();
    }

    @Test
    void aPoolOfAHundredThousandExpertsOverTwoHundredSpecialtiesDrawsSeven() {
        ExpertDrawRequest request = new ExpertDrawRequest(9, "HRB", 3, 0, Locality.SAME_CITY, ExpertDrawTextsUnitTest.SLOT,
                counts("HRB", 2, "HH", 3, "DXAL", 2), counts("S017", 4, "S101", 2, "S199", 1));
        // The pool offers the draw the experts of the requested specialties only (ExpertPool.available).
        List<EligibleExpert> pool = requested(provincePool(new Random(100_000L), 100_000, 200), request);
        String eligibleText = ExpertEligibleList.encodeEntries(pool);
        for (int i = 0; i < 20; i++) {
            DrawSeed seed = seed("large " + i);
            ExpertDrawOutcome outcome = algorithm.draw(seed.stream(), request, pool);

            assertComposition(request, pool, outcome);
            assertThat(algorithm.recompute(seed, request.canonical(), eligibleText)).isEqualTo(outcome.canonical());
        }
    }

    static void assertComposition(ExpertDrawRequest request, List<EligibleExpert> pool, ExpertDrawOutcome outcome) {
        assertThat(outcome.drawn()).as("drawn").isTrue();
        Map<String, EligibleExpert> byRef = pool.stream().collect(Collectors.toMap(EligibleExpert::expertRef, e -> e));
        List<DrawnSeat> seats = outcome.seats();
        assertThat(seats).as("one expert per seat").hasSize(request.expertCount());
        assertThat(seats.stream().map(DrawnSeat::expertRef).distinct().count()).as("each expert at most once")
                .isEqualTo(seats.size());
        Map<String, Integer> perSpecialty = new TreeMap<>();
        Map<String, Integer> perCenter = new TreeMap<>();
        int mainCity = 0;
        for (DrawnSeat seat : seats) {
            EligibleExpert expert = byRef.get(seat.expertRef());
            assertThat(expert).as("an eligible expert").isNotNull();
            assertThat(seat.specialty()).isEqualTo(expert.specialty());
            assertThat(expert.category()).isIn(ExpertCategory.TECHNICAL, ExpertCategory.ECONOMIC);
            assertThat(Oracle.allowed(request, seat.center(), expert.city()))
                    .as("%s of %s allowed at %s", seat.expertRef(), expert.city(), seat.center()).isTrue();
            perSpecialty.merge(seat.specialty(), 1, Integer::sum);
            perCenter.merge(seat.center(), 1, Integer::sum);
            if (expert.city().equals(request.mainCenter())) {
                mainCity++;
            }
        }
        assertThat(perSpecialty).as("specialty counts").isEqualTo(request.quotas());
        assertThat(perCenter).as("seats per center").isEqualTo(request.seats());
        assertThat(mainCity).as("main-city cap").isLessThanOrEqualTo(request.remainingMainCityCap());
        List<String> fillOrder = new ArrayList<>();
        request.seats().forEach((center, count) -> {
            for (int i = 0; i < count; i++) {
                fillOrder.add(center);
            }
        });
        assertThat(seats).extracting(DrawnSeat::center).as("fill order").containsExactlyElementsOf(fillOrder);
    }

    static int mainCityExperts(ExpertDrawOutcome outcome, List<EligibleExpert> pool, String main) {
        Set<String> mainCity = pool.stream().filter(e -> e.city().equals(main)).map(EligibleExpert::expertRef)
                .collect(Collectors.toSet());
        return (int) outcome.seats().stream().filter(seat -> mainCity.contains(seat.expertRef())).count();
    }

    /** Experts written {@code specialty@city*count}, named {@code specialty.city-i}, technical and economic alternately. */
    static List<EligibleExpert> pool(String... groups) {
        List<EligibleExpert> pool = new ArrayList<>();
        for (String group : groups) {
            String[] parts = group.split("[@*]");
            for (int i = 0; i < Integer.parseInt(parts[2]); i++) {
                pool.add(new EligibleExpert(parts[0] + "." + parts[1] + "-" + i, parts[0],
                        i % 2 == 0 ? ExpertCategory.TECHNICAL : ExpertCategory.ECONOMIC, parts[1]));
            }
        }
        return pool;
    }

    /** A pool spread over the 14 centers with specialties {@code S00..}, sorted by reference like an eligible list. */
    static List<EligibleExpert> provincePool(Random random, int size, int specialties) {
        String format = specialties > 100 ? "S%03d" : "S%02d";
        List<EligibleExpert> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            pool.add(new EligibleExpert(new UUID(random.nextLong(), random.nextLong()).toString(),
                    String.format(format, random.nextInt(specialties)),
                    random.nextInt(4) == 0 ? ExpertCategory.ECONOMIC : ExpertCategory.TECHNICAL,
                    CENTERS.get(random.nextInt(CENTERS.size()))));
        }
        pool.sort(java.util.Comparator.comparing(EligibleExpert::expertRef));
        return pool;
    }

    static List<EligibleExpert> requested(List<EligibleExpert> pool, ExpertDrawRequest request) {
        return pool.stream().filter(e -> request.quotas().containsKey(e.specialty())).toList();
    }

    static ExpertDrawRequest request(Locality locality, int cap, int alreadySeated, SortedMap<String, Integer> seats,
            SortedMap<String, Integer> quotas) {
        int m = seats.values().stream().mapToInt(Integer::intValue).sum();
        return new ExpertDrawRequest(m + alreadySeated + cap + 2, "HRB", cap, alreadySeated, locality,
                ExpertDrawTextsUnitTest.SLOT, seats, quotas);
    }

    static TreeMap<String, Integer> counts(Object... keysAndCounts) {
        return ExpertDrawTextsUnitTest.counts(keysAndCounts);
    }

    static DrawSeed seed(String label) {
        return VenueDrawAlgorithmUnitTest.seed("expert " + label);
    }

    private static EligibleExpert expert(String specialty, String city, int index) {
        return new EligibleExpert(String.format("e%03d", index), specialty,
                index % 3 == 0 ? ExpertCategory.ECONOMIC : ExpertCategory.TECHNICAL, city);
    }

    /** An exhaustive search, written from the rules and not from the algorithm, for whether any committee exists. */
    static final class Oracle {

        static boolean allowed(ExpertDrawRequest request, String center, String city) {
            if (request.locality() == Locality.PROVINCE || center.equals(city)) {
                return true;
            }
            return center.equals(request.mainCenter())
                    && request.seats().getOrDefault(center, 0) > request.remainingMainCityCap();
        }

        static boolean committeeExists(ExpertDrawRequest request, List<EligibleExpert> pool) {
            Map<List<String>, Integer> byGroup = new TreeMap<>(java.util.Comparator.comparing((List<String> g) -> g.get(0))
                    .thenComparing(g -> g.get(1)));
            pool.forEach(e -> byGroup.merge(List.of(e.specialty(), e.city()), 1, Integer::sum));
            List<List<String>> groups = new ArrayList<>(byGroup.keySet());
            int[] counts = byGroup.values().stream().mapToInt(Integer::intValue).toArray();
            List<String> seats = new ArrayList<>();
            request.seats().forEach((center, count) -> {
                for (int i = 0; i < count; i++) {
                    seats.add(center);
                }
            });
            return fill(request, seats, 0, groups, counts, new HashMap<>(request.quotas()), request.remainingMainCityCap(),
                    new HashSet<>());
        }

        /** Tries every group for every seat in turn; a dead state (the counts left) is remembered. */
        private static boolean fill(ExpertDrawRequest request, List<String> seats, int seat, List<List<String>> groups,
                int[] counts, Map<String, Integer> quotas, int cap, Set<String> dead) {
            if (seat == seats.size()) {
                return true;
            }
            String state = java.util.Arrays.toString(counts);
            if (dead.contains(state)) {
                return false;
            }
            String center = seats.get(seat);
            for (int g = 0; g < groups.size(); g++) {
                String specialty = groups.get(g).get(0);
                String city = groups.get(g).get(1);
                boolean mainCity = city.equals(request.mainCenter());
                if (counts[g] == 0 || quotas.getOrDefault(specialty, 0) == 0 || !allowed(request, center, city)
                        || (mainCity && cap == 0)) {
                    continue;
                }
                counts[g]--;
                quotas.merge(specialty, -1, Integer::sum);
                boolean found = fill(request, seats, seat + 1, groups, counts, quotas, mainCity ? cap - 1 : cap, dead);
                quotas.merge(specialty, 1, Integer::sum);
                counts[g]++;
                if (found) {
                    return true;
                }
            }
            dead.add(state);
            return false;
        }
    }
}
