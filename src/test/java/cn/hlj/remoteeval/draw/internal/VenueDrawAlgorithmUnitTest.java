package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/** venue-draw/v1 keeps the seat plan of policy 六 whatever the seed, and falls back only as published. */
class VenueDrawAlgorithmUnitTest {

    static final List<String> CENTERS = List.of("PROV", "HRB", "QQHR", "MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG",
            "HH", "SH", "DXAL");
    static final Slot SLOT = new Slot(LocalDate.of(2033, 3, 14), HalfDay.PM);

    private final VenueDrawAlgorithm algorithm = new VenueDrawAlgorithm();

    @Test
    void spreadsEveryCommitteeOverAtLeastTwoOtherCentersWithNoMajorityAnywhere() {
        Random snapshots = new Random(20310101L);
        int drawn = 0;
        int fallbacks = 0;
        for (int round = 0; round < 6000; round++) {
            int n = 3 + round % 23;
            String main = CENTERS.get(snapshots.nextInt(CENTERS.size()));
            Map<String, Integer> free = randomSnapshot(snapshots);
            VenueDrawRequest request = new VenueDrawRequest(n, main, SLOT, SeatPlanLimits.defaults());

            VenueDrawOutcome outcome = algorithm.draw(seed("spread " + round).stream(), request, free);

            if (outcome.drawn()) {
                drawn++;
                assertKeepsThePolicy(n, main, free, outcome, 2);
            } else {
                fallbacks++;
                assertNoKWouldHaveWorked(n, main, free);
            }
        }
        assertThat(drawn).as("the snapshots must mostly allow a draw").isGreaterThan(4000);
        assertThat(fallbacks).as("and sometimes not").isGreaterThan(50);
    }

    @Test
    void keepsTheTightenedLimitsOfTheConfigurationToo() {
        SeatPlanLimits tight = new SeatPlanLimits(3, new Fraction(2, 5), new Fraction(1, 4));
        Random snapshots = new Random(7L);
        for (int round = 0; round < 2000; round++) {
            int n = 3 + round % 23;
            String main = CENTERS.get(round % CENTERS.size());
            Map<String, Integer> free = randomSnapshot(snapshots);

            VenueDrawOutcome outcome = algorithm.draw(seed("tight " + round).stream(),
                    new VenueDrawRequest(n, main, SLOT, tight), free);

            if (outcome.drawn()) {
                assertThat(outcome.subVenuesInPickOrder()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(outcome.seatsByCenter().values())
                        .allSatisfy(seats -> assertThat(seats).isLessThanOrEqualTo(n * 2 / 5));
                assertThat(outcome.mainSeats()).isLessThanOrEqualTo(n / 4);
                assertThat(sum(outcome)).isEqualTo(n);
            }
        }
    }

    @Test
    void aCommitteeOfFiveAtHarbinWithEveryCenterFree() {
        Map<String, Integer> free = uniform(20);

        VenueDrawOutcome outcome = algorithm.draw(seed("five").stream(), request(5, "HRB"), free);

        assertThat(outcome.drawn()).isTrue();
        assertThat(outcome.mainSeats()).isEqualTo(1);
        assertThat(outcome.subVenuesInPickOrder()).hasSize(2).doesNotContain("HRB");
        assertThat(outcome.seatsByCenter()).containsEntry("HRB", 1).hasSize(3);
        assertThat(outcome.seatsByCenter().values()).containsExactlyInAnyOrder(1, 2, 2);
    }

    @Test
    void anOddRemainderGoesToTheFirstPicks() {
        // n = 7: main 2, r = 5, k = 2, need 3: the first pick hosts 3, the second 2.
        VenueDrawOutcome outcome = algorithm.draw(seed("seven").stream(), request(7, "HRB"), uniform(20));

        List<String> picks = outcome.subVenuesInPickOrder();
        assertThat(outcome.seatsByCenter()).containsEntry("HRB", 2).containsEntry(picks.get(0), 3).containsEntry(picks.get(1), 2);
    }

    @Test
    void widensToMoreCentersWhenTooFewHaveRoomForTheLargerShare() {
        // n = 9: cap 4, main 3, r = 6. k = 2 needs 3 seats at two centers: only DQ has 3.
        // k = 3 needs 2 seats at three centers: DQ, JX, MDJ and SH have 2 or more.
        Map<String, Integer> free = uniform(1);
        free.put("HRB", 10);
        free.put("DQ", 3);
        free.put("JX", 2);
        free.put("MDJ", 2);
        free.put("SH", 2);

        VenueDrawOutcome outcome = algorithm.draw(seed("widen").stream(), request(9, "HRB"), free);

        assertThat(outcome.drawn()).isTrue();
        assertThat(outcome.subVenuesInPickOrder()).hasSize(3).isSubsetOf("DQ", "JX", "MDJ", "SH");
        assertThat(outcome.seatsByCenter()).containsEntry("HRB", 3);
        assertThat(outcome.seatsByCenter().values()).containsExactlyInAnyOrder(3, 2, 2, 2);
    }

    @Test
    void widensAllTheWayToOneSeatPerCenter() {
        // n = 5: main 1, r = 4; k = 2 (need 2) and k = 3 (need 2) fail, k = 4 (need 1) takes four of the five 1-seat centers.
        Map<String, Integer> free = uniform(0);
        free.put("HRB", 5);
        for (String center : List.of("DQ", "JX", "MDJ", "SH", "YC")) {
            free.put(center, 1);
        }

        VenueDrawOutcome outcome = algorithm.draw(seed("one each").stream(), request(5, "HRB"), free);

        assertThat(outcome.subVenuesInPickOrder()).hasSize(4);
        assertThat(outcome.seatsByCenter()).containsEntry("HRB", 1);
        assertThat(outcome.seatsByCenter().values()).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void theMainVenueTakesNoMoreThanItsFreeSeatsAndTheOthersTakeTheRest() {
        Map<String, Integer> free = uniform(20);
        free.put("HRB", 0);

        VenueDrawOutcome outcome = algorithm.draw(seed("main full").stream(), request(9, "HRB"), free);

        assertThat(outcome.mainSeats()).isZero();
        assertThat(outcome.seatsByCenter()).doesNotContainKey("HRB");
        // r = 9, cap 4: k starts at ceil(9/4) = 3.
        assertThat(outcome.subVenuesInPickOrder()).hasSize(3);
        assertThat(sum(outcome)).isEqualTo(9);
    }

    @Test
    void theMainVenueStaysWithinTheCenterCapWhenItsOwnShareWouldAllowMore() {
        SeatPlanLimits limits = new SeatPlanLimits(2, new Fraction(2, 5), new Fraction(1, 2));

        VenueDrawOutcome outcome = algorithm.draw(seed("main cap").stream(), new VenueDrawRequest(10, "HRB", SLOT, limits),
                uniform(20));

        // floor(10 × 1/2) = 5 would be the main venue's share, but no center may host more than floor(10 × 2/5) = 4.
        assertThat(outcome.mainSeats()).isEqualTo(4);
        assertThat(outcome.seatsByCenter().values()).allSatisfy(seats -> assertThat(seats).isLessThanOrEqualTo(4));
    }

    @Test
    void theMainVenueIsNeverASubVenueEvenWhenOnlyItHasRoom() {
        Map<String, Integer> free = uniform(0);
        free.put("HRB", 50);
        free.put("DQ", 50);

        VenueDrawOutcome outcome = algorithm.draw(seed("lonely").stream(), request(7, "HRB"), free);

        assertThat(outcome.drawn()).isFalse();
        assertThat(outcome.canonical()).isEqualTo("NO_RANDOM_PICK");
    }

    @Test
    void noRandomPickWhenTheOtherCentersCannotTakeTheCommitteeWithoutConcentrating() {
        Map<String, Integer> free = uniform(1);
        free.put("HRB", 20);

        // n = 25: main 8, r = 17, cap 12; at one seat per center only 13 other centers exist.
        assertThat(algorithm.draw(seed("big").stream(), request(25, "HRB"), free).drawn()).isFalse();
        // n = 15: main 5, r = 10, k = 10 works with one seat each.
        assertThat(algorithm.draw(seed("mid").stream(), request(15, "HRB"), free).subVenuesInPickOrder()).hasSize(10);
    }

    @Test
    void aCommitteeTooSmallForAnyCenterToHostASeatHasNoRandomPick() {
        assertThat(algorithm.draw(seed("one").stream(), request(1, "HRB"), uniform(20)).drawn()).isFalse();
    }

    @Test
    void theSameSeedAndInputsGiveTheSameResultAndOtherSeedsMostlyAnother() {
        Map<String, Integer> free = uniform(20);
        int differing = 0;
        for (int i = 0; i < 1000; i++) {
            VenueDrawOutcome first = algorithm.draw(seed("repro " + i).stream(), request(9, "QQHR"), free);
            VenueDrawOutcome again = algorithm.draw(seed("repro " + i).stream(), request(9, "QQHR"), free);
            VenueDrawOutcome other = algorithm.draw(seed("other " + i).stream(), request(9, "QQHR"), free);

            assertThat(again).isEqualTo(first);
            if (!other.subVenuesInPickOrder().equals(first.subVenuesInPickOrder())) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(980);
    }

    @Test
    void recomputesFromTheCanonicalTextsOfTheRecord() {
        Map<String, Integer> free = uniform(6);
        DrawSeed seed = seed("record");
        VenueDrawRequest request = request(11, "MDJ");
        VenueDrawOutcome outcome = algorithm.draw(seed.stream(), request, free);

        String recomputed = algorithm.recompute(DrawSeed.fromHex(seed.hex()), request.canonical(), Canonical.encodeCounts(free));

        assertThat(recomputed).isEqualTo(outcome.canonical()).isEqualTo(Canonical.encodeCounts(outcome.seatsByCenter()));
        assertThat(VenueDrawRequest.parse(request.canonical())).isEqualTo(request);
        assertThat(request.canonical()).isEqualTo("committeeSize=11\nevaluationDate=2033-03-14\nhalfDay=PM\nmainCenter=MDJ\n"
                + "mainVenueShare=1/3\nmaxCenterShare=1/2\nminSubVenueCenters=2\n");
    }

    static void assertKeepsThePolicy(int n, String main, Map<String, Integer> free, VenueDrawOutcome outcome,
            int minOtherCenters) {
        Map<String, Integer> seats = outcome.seatsByCenter();
        assertThat(sum(outcome)).as("seats sum to n").isEqualTo(n);
        assertThat(outcome.subVenuesInPickOrder()).as("main is never a sub-venue").doesNotContain(main);
        assertThat(seats.keySet().stream().filter(c -> !c.equals(main)).count()).as("other centers")
                .isGreaterThanOrEqualTo(minOtherCenters);
        for (Map.Entry<String, Integer> entry : seats.entrySet()) {
            assertThat(2 * entry.getValue()).as("no majority at " + entry.getKey()).isLessThanOrEqualTo(n);
            assertThat(entry.getValue()).as("positive seats").isPositive();
            assertThat(entry.getValue()).as("within free seats").isLessThanOrEqualTo(free.getOrDefault(entry.getKey(), 0));
        }
        assertThat(seats.getOrDefault(main, 0)).as("main venue at most a third").isLessThanOrEqualTo(n / 3);
    }

    /** The fallback is justified: for every admissible number of centers, too few have room for the larger share. */
    private static void assertNoKWouldHaveWorked(int n, String main, Map<String, Integer> free) {
        int cap = n / 2;
        if (cap == 0) {
            return;
        }
        int mainSeats = Math.min(Math.min(n / 3, free.getOrDefault(main, 0)), cap);
        int r = n - mainSeats;
        for (int k = 2; k <= r; k++) {
            int need = (r + k - 1) / k;
            if (need > cap) {
                continue;
            }
            int k0 = k;
            long roomy = free.entrySet().stream().filter(e -> !e.getKey().equals(main) && e.getValue() >= need).count();
            assertThat(roomy).as("k=" + k0 + " would have worked").isLessThan(k);
        }
    }

    static Map<String, Integer> randomSnapshot(Random random) {
        Map<String, Integer> free = new TreeMap<>();
        int scarcity = random.nextInt(4);
        for (String center : CENTERS) {
            int seats = switch (scarcity) {
                case 0 -> random.nextInt(25);
                case 1 -> random.nextInt(6);
                case 2 -> random.nextInt(3);
                default -> random.nextInt(10) < 7 ? 0 : random.nextInt(12);
            };
            free.put(center, seats);
        }
        return free;
    }

    static Map<String, Integer> uniform(int seats) {
        Map<String, Integer> free = new TreeMap<>();
        CENTERS.forEach(center -> free.put(center, seats));
        return free;
    }

    static VenueDrawRequest request(int n, String main) {
        return new VenueDrawRequest(n, main, SLOT, SeatPlanLimits.defaults());
    }

    static DrawSeed seed(String label) {
        return DrawSeed.of(Hashes.sha256(label.getBytes(StandardCharsets.UTF_8)));
    }

    private static int sum(VenueDrawOutcome outcome) {
        return outcome.seatsByCenter().values().stream().mapToInt(Integer::intValue).sum();
    }
}
