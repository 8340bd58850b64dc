package cn.hlj.remoteeval.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource.ReportNote;

/** The digest of a submitted report covers its figures only, so that regenerating the month gives the same. */
class FiguresDigestUnitTest {

    @Test
    void theSameFiguresGiveTheSameDigestWhenAndWithWhateverNotesGenerated() {
        String first = FiguresDigest.of(report(Instant.parse("2026-11-02T01:00:00Z"), 3, List.of()));
        String later = FiguresDigest.of(report(Instant.parse("2027-05-01T00:00:00Z"), 3,
                List.of(new ReportNote("partner", "说明", true))));
        assertThat(first).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(later);
    }

    @Test
    void aDifferentFigureGivesADifferentDigest() {
        assertThat(FiguresDigest.of(report(Instant.EPOCH, 3, List.of())))
                .isNotEqualTo(FiguresDigest.of(report(Instant.EPOCH, 4, List.of())));
    }

    @Test
    void theJsonNamesTheMonthEveryRowAndEveryFigure() {
        String json = FiguresDigest.json(report(Instant.EPOCH, 3, List.of()));
        assertThat(json).startsWith("{\"month\":\"2026-10\",\"rows\":[{\"code\":\"HRB\",\"figures\":{")
                .contains("\"code\":\"ALL\"");
        for (ReportFigure figure : ReportFigure.values()) {
            assertThat(json).contains("\"" + figure.name() + "\":");
        }
    }

    private static MonthlyReport report(Instant generatedAt, long hrbRegistrations, List<ReportNote> notes) {
        ReportFigure figure = ReportFigure.values()[0];
        MonthlyReport.Row hrb = new MonthlyReport.Row("HRB", "哈尔滨市公共资源交易中心", Map.of(figure, hrbRegistrations));
        MonthlyReport.Row mdj = new MonthlyReport.Row("MDJ", "牡丹江市公共资源交易中心", Map.of(figure, 1L));
        MonthlyReport.Row province = new MonthlyReport.Row(MonthlyReport.PROVINCE_CODE, "全省合计",
                Map.of(figure, hrbRegistrations + 1));
        return new MonthlyReport(ReportMonth.of(2026, 10), generatedAt, List.of(hrb, mdj), province, notes);
    }
}
