package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Each pick is uniform among the candidates that keep the draw completable: chi-square tests over
 * many draws with a fixed sequence of seeds (so each test computes the same statistic on every run
 * and is never flaky), against the 0.999 quantile of the chi-square distribution, plus a plain
 * frequency check with a generous tolerance.
 */
class ExpertDrawUniformityUnitTest {

    /** 0.999 quantiles of chi-square (scipy.stats.chi2.ppf(0.999, df)). */
    private static final Map<Integer, Double> CRITICAL_0_999 = Map.of(2, 13.816, 7, 24.322, 29, 58.302);

    private final ExpertDrawAlgorithm algorithm = new ExpertDrawAlgorithm();

    @Test
    void everyLocalExpertIsEquallyLikelyForASingleSeat() {
        List<EligibleExpert> pool = ExpertDrawAlgorithmUnitTest.pool("A@DQ*8", "A@SH*4");
        ExpertDrawRequest request = ExpertDrawAlgorithmUnitTest.request(Locality.SAME_CITY, 3, 0,
                ExpertDrawAlgorithmUnitTest.counts("DQ", 1), ExpertDrawAlgorithmUnitTest.counts("A", 1));
        Map<String, Integer> counts = new HashMap<>();
        int draws = 8 * 500;
        for (int t = 0; t < draws; t++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("single", t).stream(), request, pool);
            counts.merge(outcome.seats().get(0).expertRef(), 1, Integer::sum);
        }

        assertThat(counts).hasSize(8).allSatisfy((expert, count) -> assertThat(expert).startsWith("A.DQ-"));
        assertThat(chiSquare(counts.values(), 8, draws)).isLessThan(CRITICAL_0_999.get(7));
    }

    @Test
    void everyOrderedPairIsEquallyLikelyAcrossTheProvince() {
        List<EligibleExpert> pool = ExpertDrawAlgorithmUnitTest.pool("A@DQ*2", "A@JX*2", "A@MDJ*2");
        ExpertDrawRequest request = ExpertDrawAlgorithmUnitTest.request(Locality.PROVINCE, 0, 0,
                ExpertDrawAlgorithmUnitTest.counts("DQ", 1, "JX", 1), ExpertDrawAlgorithmUnitTest.counts("A", 2));
        Map<String, Integer> pairs = new HashMap<>();
        Map<String, Integer> experts = new HashMap<>();
        int draws = 30 * 200;
        for (int t = 0; t < draws; t++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("pairs", t).stream(), request, pool);
            pairs.merge(outcome.seats().get(0).expertRef() + ">" + outcome.seats().get(1).expertRef(), 1, Integer::sum);
            outcome.seats().forEach(seat -> experts.merge(seat.expertRef(), 1, Integer::sum));
        }

        assertThat(pairs).hasSize(30);
        assertThat(chiSquare(pairs.values(), 30, draws)).isLessThan(CRITICAL_0_999.get(29));
        // Each of the six is on a third of the committees: 2000 of 6000, give or take 10 %.
        assertThat(experts).hasSize(6).allSatisfy((expert, count) -> assertThat(count).isBetween(1800, 2200));
    }

    @Test
    void theCandidatesLeftAfterAForcedPickAreEquallyLikely() {
        // DQ must take its only B expert (see the dead-end test); HRB then picks among its three A experts.
        List<EligibleExpert> pool = ExpertDrawAlgorithmUnitTest.pool("A@DQ*3", "B@DQ*1", "A@HRB*3");
        ExpertDrawRequest request = ExpertDrawAlgorithmUnitTest.request(Locality.SAME_CITY, 3, 0,
                ExpertDrawAlgorithmUnitTest.counts("DQ", 1, "HRB", 1), ExpertDrawAlgorithmUnitTest.counts("A", 1, "B", 1));
        Map<String, Integer> counts = new HashMap<>();
        int draws = 3 * 1000;
        for (int t = 0; t < draws; t++) {
            ExpertDrawOutcome outcome = algorithm.draw(seed("forced", t).stream(), request, pool);
            counts.merge(outcome.seats().get(1).expertRef(), 1, Integer::sum);
        }

        assertThat(counts).containsOnlyKeys("A.HRB-0", "A.HRB-1", "A.HRB-2");
        assertThat(chiSquare(counts.values(), 3, draws)).isLessThan(CRITICAL_0_999.get(2));
    }

    /** Pearson's statistic against equal probabilities; categories never seen count with 0. */
    private static double chiSquare(Collection<Integer> observed, int categories, int draws) {
        double expected = (double) draws / categories;
        double statistic = (categories - observed.size()) * expected;
        for (int count : observed) {
            statistic += (count - expected) * (count - expected) / expected;
        }
        return statistic;
    }

    private static DrawSeed seed(String label, int t) {
        return ExpertDrawAlgorithmUnitTest.seed("uniformity " + label + " " + t);
    }
}
