package cn.hlj.remoteeval.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.venue.internal.CrossProvinceCapacity.Shortfall;
import cn.hlj.remoteeval.venue.internal.CrossProvinceCapacity.Span;
import cn.hlj.remoteeval.venue.internal.CrossProvinceCapacity.Station;

class CrossProvinceCapacityUnitTest {

    private static final List<String> PERMANENT = List.of("PROV", "HRB", "QQHR");
    private static final LocalDate D = LocalDate.of(2031, 3, 5);
    private static final Map<String, String> NAMES = Map.of("PROV", "黑龙江省公共资源交易中心", "HRB", "哈尔滨市公共资源交易中心",
            "QQHR", "齐齐哈尔市公共资源交易中心");

    /** {@code count} stations per center, ids 100*center index + n. */
    private static List<Station> stations(int prov, int hrb, int qqhr) {
        List<Station> stations = new ArrayList<>();
        int[] counts = { prov, hrb, qqhr };
        for (int c = 0; c < 3; c++) {
            for (int n = 1; n <= counts[c]; n++) {
                stations.add(new Station(100L * (c + 1) + n, PERMANENT.get(c)));
            }
        }
        return stations;
    }

    @Test
    void exactlyTheMinimumIsEnough() {
        assertThat(CrossProvinceCapacity.shortfalls(PERMANENT, stations(10, 10, 10), List.of(), D, D.plusDays(30), 10))
                .isEmpty();
    }

    @Test
    void oneBelowTheMinimumIsFlaggedOnEveryDate() {
        List<Shortfall> shortfalls = CrossProvinceCapacity.shortfalls(PERMANENT, stations(10, 9, 10), List.of(), D,
                D.plusDays(2), 10);

        assertThat(shortfalls).containsExactly(new Shortfall("HRB", D, 9, 10), new Shortfall("HRB", D.plusDays(1), 9, 10),
                new Shortfall("HRB", D.plusDays(2), 9, 10));
    }

    @Test
    void anOutageCountsOnlyInsideItsRangeBothEndsIncluded() {
        List<Span> outages = List.of(new Span(301, D.plusDays(1), D.plusDays(2)), new Span(302, D.plusDays(2), D.plusDays(2)));

        List<Shortfall> shortfalls = CrossProvinceCapacity.shortfalls(PERMANENT, stations(12, 12, 11), outages, D,
                D.plusDays(3), 10);

        assertThat(shortfalls).containsExactly(new Shortfall("QQHR", D.plusDays(2), 9, 10));
    }

    @Test
    void overlappingOutagesOfOneWorkstationTakeItOutOnce() {
        List<Span> outages = List.of(new Span(101, D, D.plusDays(5)), new Span(101, D.plusDays(1), D.plusDays(1)));

        List<Shortfall> shortfalls = CrossProvinceCapacity.shortfalls(PERMANENT, stations(10, 10, 10), outages, D,
                D.plusDays(1), 10);

        assertThat(shortfalls).containsExactly(new Shortfall("PROV", D, 9, 10), new Shortfall("PROV", D.plusDays(1), 9, 10));
    }

    @Test
    void aCenterWithoutAnyCrossProvinceWorkstationIsFlaggedWithZero() {
        assertThat(CrossProvinceCapacity.shortfalls(PERMANENT, stations(10, 0, 10), List.of(), D, D, 10))
                .containsExactly(new Shortfall("HRB", D, 0, 10));
    }

    @Test
    void theMinimumIsAParameter() {
        assertThat(CrossProvinceCapacity.shortfalls(PERMANENT, stations(10, 10, 10), List.of(), D, D, 11)).hasSize(3);
        assertThat(CrossProvinceCapacity.shortfalls(PERMANENT, stations(8, 8, 8), List.of(), D, D, 8)).isEmpty();
    }

    @Test
    void reportsOneChineseLinePerShortfall() {
        String report = CrossProvinceCapacity.report(List.of(new Shortfall("HRB", LocalDate.of(2026, 12, 3), 8, 10)),
                NAMES, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), 60);

        assertThat(report).isEqualTo("检查范围：2026-12-01 至 2026-12-31\n哈尔滨市公共资源交易中心 2026-12-03 可用跨省工位 8 个（不少于 10 个）");
    }

    @Test
    void theReportSaysSoWhenNothingIsShort() {
        assertThat(CrossProvinceCapacity.report(List.of(), NAMES, D, D.plusDays(30), 60)).endsWith("均满足要求。");
    }

    @Test
    void theReportStaysWithinAProcessVariableWhateverTheNumberOfShortfalls() {
        List<Shortfall> all = CrossProvinceCapacity.shortfalls(PERMANENT, stations(0, 0, 0), List.of(), D,
                D.plusDays(366), 10);

        String report = CrossProvinceCapacity.report(all, NAMES, D, D.plusDays(366),
                CrossProvinceCapacityWatch.REPORT_MAX_LINES);

        assertThat(all).hasSize(3 * 367);
        assertThat(report.lines().count()).isEqualTo(1 + CrossProvinceCapacityWatch.REPORT_MAX_LINES + 1);
        assertThat(report).endsWith("……另有 " + (3 * 367 - CrossProvinceCapacityWatch.REPORT_MAX_LINES)
                + " 条，完整清单见 GET /api/workstations/cross-province-shortfalls");
        assertThat(report.length()).isLessThan(4000);
    }
}
