package cn.hlj.remoteeval.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.MonthlyReports;
import cn.hlj.remoteeval.reporting.ReportDetailSource;
import cn.hlj.remoteeval.reporting.ReportSheetSource;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource;
import cn.hlj.remoteeval.reporting.ReportNoteSource.ReportNote;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Collects every module's figures, notes and detail rows for a month. Nothing is stored: the report
 * is recomputed on every call, so a past month regenerated gives the same figures.
 */
@Service
class MonthlyReportService implements MonthlyReports {

    static final String PROVINCE_NAME = "全省合计";
    static final String EXPORT_TIMER = "remote_eval.report_export";

    private final TradingCenters centers;
    private final List<MonthlyFigureSource> figureSources;
    private final List<ReportNoteSource> noteSources;
    private final List<ReportDetailSource> detailSources;
    private final List<ReportSheetSource> sheetSources;
    private final Clock clock;
    private final MeterRegistry meters;

    MonthlyReportService(TradingCenters centers, List<MonthlyFigureSource> figureSources, List<ReportNoteSource> noteSources,
            List<ReportDetailSource> detailSources, List<ReportSheetSource> sheetSources, Clock clock, MeterRegistry meters) {
        this.centers = centers;
        this.figureSources = List.copyOf(figureSources);
        this.noteSources = List.copyOf(noteSources);
        this.detailSources = List.copyOf(detailSources);
        this.sheetSources = List.copyOf(sheetSources);
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public MonthlyReport generate(ReportMonth month) {
        YearMonth current = YearMonth.now(clock.withZone(ReportMonth.PROVINCE));
        if (month.month().isAfter(current)) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "无法生成月报",
                    month + " 尚未到来，只能生成本月或以前月份的月报。",
                    List.of(new FieldViolation("month", "不能晚于本月（" + current + "）")));
        }
        List<TradingCenter> directory = centers.all();
        Map<String, EnumMap<ReportFigure, Long>> counts = new LinkedHashMap<>();
        for (TradingCenter center : directory) {
            counts.put(center.code(), new EnumMap<>(ReportFigure.class));
        }
        for (MonthlyFigureSource source : figureSources) {
            String sourceName = ClassUtils.getUserClass(source).getName();
            source.contribute(month, (centerCode, figure, count) -> {
                EnumMap<ReportFigure, Long> row = counts.get(centerCode);
                if (row == null) {
                    throw new IllegalStateException("Monthly figure source " + sourceName + " named unknown center '"
                            + centerCode + "' for " + figure);
                }
                if (figure == null || count < 0) {
                    throw new IllegalStateException("Monthly figure source " + sourceName + " added " + count + " to figure "
                            + figure + " of center " + centerCode + ": a figure must be named and a count cannot be negative");
                }
                row.merge(figure, count, Math::addExact);
            });
        }
        Instant generatedAt = clock.instant();
        List<MonthlyReport.Row> rows = new ArrayList<>(directory.size());
        EnumMap<ReportFigure, Long> total = new EnumMap<>(ReportFigure.class);
        for (TradingCenter center : directory) {
            EnumMap<ReportFigure, Long> row = counts.get(center.code());
            row.forEach((figure, count) -> total.merge(figure, count, Math::addExact));
            rows.add(new MonthlyReport.Row(center.code(), center.name(), row));
        }
        List<ReportNote> notes = new ArrayList<>();
        for (ReportNoteSource source : noteSources) {
            notes.addAll(source.notes(month));
        }
        return new MonthlyReport(month, generatedAt, rows, new MonthlyReport.Row(MonthlyReport.PROVINCE_CODE, PROVINCE_NAME, total), notes);
    }

    @Override
    public void writeWorkbook(MonthlyReport report, OutputStream out) throws IOException {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            new MonthlyWorkbook(report, detailSources, MonthlyWorkbook.DETAIL_ROWS_PER_SHEET, sheetSources).write(out);
            outcome = "written";
        } finally {
            // The month is no tag: one series per month would grow without bound.
            sample.stop(Timer.builder(EXPORT_TIMER).description("the monthly report workbook written to its download")
                    .tag("outcome", outcome).register(meters));
        }
    }
}
