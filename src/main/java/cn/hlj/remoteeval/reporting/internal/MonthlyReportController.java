package cn.hlj.remoteeval.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.MonthlyReports;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource.ReportNote;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The monthly report, as JSON and as the workbook. Readers: the provincial center's staff, who review
 * and submit it, the DRC, which receives it, and operators. A city center sees its own figures in its
 * review task, not here: the province's report carries every center's.
 */
@RestController
@RequestMapping("/api/reports/monthly")
@Tag(name = "月报")
class MonthlyReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final String PROVINCIAL_CENTER = "PROV";

    private final MonthlyReports reports;
    private final CurrentActor actor;

    MonthlyReportController(MonthlyReports reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    record RowView(String code, String name, Map<ReportFigure, Long> figures, Double negotiatedShare) {

        static RowView of(MonthlyReport.Row row) {
            return new RowView(row.code(), row.name(), row.figures(), row.negotiatedShare());
        }
    }

    /** negotiatedShare: from 0 to 1, null when there was no venue draw. */
    record ReportView(String month, String generatedAt, List<RowView> centers, RowView province, Double negotiatedShare,
            List<ReportNote> notes) {
    }

    @GetMapping("/{month}")
    @Operation(summary = "查看月报数据", description = "按交易中心和全省汇总的上月（或任一已到来月份）远程异地评标数据。省中心工作人员、省发展改革委和运维人员可查看。")
    ReportView view(@PathVariable String month) {
        requireReader();
        MonthlyReport report = reports.generate(parse(month));
        List<RowView> centers = new ArrayList<>();
        report.centers().forEach(row -> centers.add(RowView.of(row)));
        RowView province = RowView.of(report.province());
        return new ReportView(report.month().toString(), report.generatedAt().toString(), centers, province,
                province.negotiatedShare(), report.notes());
    }

    @GetMapping(value = "/{month}.xlsx")
    @Operation(summary = "下载月报 Excel", description = "全省汇总表、各交易中心分表和当月登记标段明细。")
    ResponseEntity<StreamingResponseBody> workbook(@PathVariable String month) {
        requireReader();
        MonthlyReport report = reports.generate(parse(month));
        String filename = "远程异地评标月报-" + report.month() + ".xlsx";
        ContentDisposition disposition = ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(out -> reports.writeWorkbook(report, out));
    }

    private void requireReader() {
        if (!actor.isOperator() && !actor.isDrc() && !actor.isStaffOf(PROVINCIAL_CENTER)) {
            throw ApiProblemException.forbidden("月报仅限省公共资源交易中心工作人员、省发展改革委和运维人员查看。");
        }
    }

    static ReportMonth parse(String month) {
        if (month == null || !MONTH.matcher(month).matches()) {
            throw ApiProblemException.invalid("month", "格式应为 yyyy-MM，例如 2026-10");
        }
        int value = Integer.parseInt(month.substring(5));
        if (value < 1 || value > 12) {
            throw ApiProblemException.invalid("month", "月份应在 01 到 12 之间");
        }
        return new ReportMonth(YearMonth.of(Integer.parseInt(month.substring(0, 4)), value));
    }
}
