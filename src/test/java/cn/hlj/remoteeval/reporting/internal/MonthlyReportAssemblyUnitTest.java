package cn.hlj.remoteeval.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource;
import cn.hlj.remoteeval.reporting.ReportNoteSource.ReportNote;
import cn.hlj.remoteeval.web.ApiProblemException;

class MonthlyReportAssemblyUnitTest {

    private static final ReportMonth OCTOBER = ReportMonth.of(2026, 10);

    /** Two sources touching the same center and figure, the way tender and draw both count per center. */
    private static final MonthlyFigureSource TENDERS = (month, sink) -> {
        if (!month.equals(OCTOBER)) {
            return;
        }
        sink.add("HRB", ReportFigure.TENDERS_REGISTERED, 7);
        sink.add("HRB", ReportFigure.CATEGORY_SERVICES, 4);
        sink.add("QQHR", ReportFigure.TENDERS_REGISTERED, 3);
        sink.add("DXAL", ReportFigure.TENDERS_REGISTERED, 1);
        sink.add("PROV", ReportFigure.CROSS_PROVINCE_HOSTED, 2);
    };
    private static final MonthlyFigureSource DRAWS = (month, sink) -> {
        sink.add("HRB", ReportFigure.VENUE_DRAWS, 8);
        sink.add("HRB", ReportFigure.VENUE_DRAWS_NEGOTIATED, 2);
        sink.add("QQHR", ReportFigure.VENUE_DRAWS, 3);
        sink.add("HRB", ReportFigure.TENDERS_REGISTERED, 1);
    };

    private static MonthlyReport october() {
        return ReportFixtures.service(List.of(TENDERS, DRAWS), List.of(), List.of()).generate(OCTOBER);
    }

    @Test
    void everyCenterHasARowInTheDirectoryOrderZerosIncluded() {
        MonthlyReport report = october();
        assertThat(report.centers()).extracting(MonthlyReport.Row::code)
                .containsExactly("PROV", "HRB", "QQHR", "MDJ", "JMS", "DQ", "JX", "SYS", "YC", "QTH", "HG", "HH", "SH", "DXAL");
        MonthlyReport.Row mdj = report.centers().get(3);
        assertThat(mdj.name()).isEqualTo("牡丹江市公共资源交易中心");
        for (ReportFigure figure : ReportFigure.values()) {
            assertThat(mdj.get(figure)).as(figure.name()).isZero();
        }
        assertThat(mdj.negotiatedShare()).isNull();
    }

    @Test
    void sourcesAddUpPerCenterAndFigure() {
        MonthlyReport report = october();
        assertThat(report.centers().get(1).get(ReportFigure.TENDERS_REGISTERED)).isEqualTo(8);
        assertThat(report.centers().get(0).get(ReportFigure.CROSS_PROVINCE_HOSTED)).isEqualTo(2);
    }

    @Test
    void theProvinceIsTheSumOfTheCentersForEveryFigure() {
        MonthlyReport report = october();
        for (ReportFigure figure : ReportFigure.values()) {
            long sum = report.centers().stream().mapToLong(row -> row.get(figure)).sum();
            assertThat(report.province().get(figure)).as(figure.name()).isEqualTo(sum);
        }
        assertThat(report.province().get(ReportFigure.TENDERS_REGISTERED)).isEqualTo(12);
        assertThat(report.province().code()).isEqualTo(MonthlyReport.PROVINCE_CODE);
        assertThat(report.province().name()).isEqualTo("全省合计");
    }

    @Test
    void theNegotiatedShareIsNegotiatedOverDrawsAndEmptyWithoutDraws() {
        MonthlyReport report = october();
        assertThat(report.centers().get(1).negotiatedShare()).isEqualTo(0.25);
        assertThat(report.centers().get(2).negotiatedShare()).isEqualTo(0.0);
        assertThat(report.centers().get(0).negotiatedShare()).isNull();
        assertThat(report.province().negotiatedShare()).isEqualTo(2.0 / 11);
    }

    @Test
    void aMonthWithoutAnythingIsAllZeros() {
        MonthlyReport report = ReportFixtures.service(List.of(TENDERS), List.of(), List.of()).generate(ReportMonth.of(2026, 9));
        assertThat(report.centers()).hasSize(14);
        assertThat(report.province().figures().values()).containsOnly(0L);
        assertThat(report.province().negotiatedShare()).isNull();
    }

    @Test
    void anUnknownCenterFailsNamingTheSourceAndTheCenter() {
        MonthlyFigureSource typo = new TypoSource();
        MonthlyReportService service = ReportFixtures.service(List.of(TENDERS, typo), List.of(), List.of());
        assertThatThrownBy(() -> service.generate(OCTOBER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TypoSource.class.getName())
                .hasMessageContaining("'HARBIN'");
    }

    @Test
    void aNegativeCountFails() {
        MonthlyFigureSource negative = (month, sink) -> sink.add("HRB", ReportFigure.CLUES_PASSED_ON, -1);
        assertThatThrownBy(() -> ReportFixtures.service(List.of(negative), List.of(), List.of()).generate(OCTOBER))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void notesComeFromEveryNoteSourceInOrder() {
        ReportNoteSource partners = month -> List.of(new ReportNote("合作省份目标", "2026-11-30 前接入 3 个省份：已接入 2 个", true));
        ReportNoteSource other = month -> List.of(new ReportNote("其他", "无", false));
        MonthlyReport report = ReportFixtures.service(List.of(), List.of(partners, other), List.of()).generate(OCTOBER);
        assertThat(report.notes()).extracting(ReportNote::topic).containsExactly("合作省份目标", "其他");
    }

    @Test
    void theCurrentMonthIsAllowedAndAFutureMonthIsA422NamingTheMonth() {
        MonthlyReportService service = ReportFixtures.service(List.of(TENDERS), List.of(), List.of());
        assertThat(service.generate(ReportMonth.of(2026, 11)).centers()).hasSize(14);
        assertThatThrownBy(() -> service.generate(ReportMonth.of(2026, 12)))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.violations()).extracting(v -> v.field()).containsExactly("month");
                });
    }

    @Test
    void theCurrentMonthIsTheProvincesEvenWhenUtcIsStillInThePreviousMonth() {
        // 2026-11-30T16:30Z is already 1 December in the province.
        Clock lateUtc = Clock.fixed(Instant.parse("2026-11-30T16:30:00Z"), ZoneId.of("UTC"));
        MonthlyReportService service = ReportFixtures.service(List.of(), List.of(), List.of(), lateUtc);
        assertThat(service.generate(ReportMonth.of(2026, 12)).month()).isEqualTo(ReportMonth.of(2026, 12));
    }

    @Test
    void regeneratingGivesTheSameFigures() {
        MonthlyReportService service = ReportFixtures.service(List.of(TENDERS, DRAWS), List.of(), List.of());
        MonthlyReport first = service.generate(OCTOBER);
        MonthlyReport second = service.generate(OCTOBER);
        assertThat(second.centers()).isEqualTo(first.centers());
        assertThat(second.province()).isEqualTo(first.province());
    }

    static final class TypoSource implements MonthlyFigureSource {
        @Override
        public void contribute(ReportMonth month, FigureSink sink) {
            sink.add("HARBIN", ReportFigure.TENDERS_REGISTERED, 1);
        }
    }
}
