package cn.hlj.remoteeval.reporting.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.MonthlyReports;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The monthly report's review: started by hand when the job on the 1st did not run, a city center's
 * own figures for its review task, and the submission to the DRC.
 */
@RestController
@RequestMapping("/api/reports/monthly")
@Tag(name = "月报")
class MonthlyReportReviewController {

    private final MonthlyReportReviews reviews;
    private final MonthlyReports reports;
    private final CurrentActor actor;

    MonthlyReportReviewController(MonthlyReportReviews reviews, MonthlyReports reports, CurrentActor actor) {
        this.reviews = reviews;
        this.reports = reports;
        this.actor = actor;
    }

    record ReviewStarted(String month, String businessKey, String processInstanceId) {
    }

    record CenterView(String month, String code, String name, Map<ReportFigure, Long> figures, Double negotiatedShare) {
    }

    record SubmissionView(String month, String submittedBy, String submittedAt, boolean late, String figuresDigest) {
    }

    @PostMapping("/{month}/review")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "启动月报审核", description = "运维人员为已结束的月份手动启动月报审核流程（每月1日由系统自动启动）；该月已启动过时返回 409。")
    ReviewStarted start(@PathVariable String month) {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("仅运维人员可以手动启动月报审核。");
        }
        ReportMonth reportMonth = MonthlyReportController.parse(month);
        if (!reviews.ended(reportMonth)) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "无法启动月报审核", reportMonth + " 尚未结束。",
                    List.of(new FieldViolation("month", "只能为已结束的月份启动月报审核")));
        }
        String id = reviews.startOnce(reportMonth, actor.userId()).orElseThrow(() -> ApiProblemException.conflict(
                reportMonth + " 的月报审核已经启动过。", "month", "该月的月报审核已存在"));
        return new ReviewStarted(reportMonth.toString(), MonthlyReportVariables.businessKey(reportMonth), id);
    }

    @GetMapping("/{month}/centers/{code}")
    @Operation(summary = "查看交易中心月度数据", description = "一个交易中心上月的各项数据，供该中心核对。该中心工作人员和监督人员、省中心工作人员、省发展改革委和运维人员可查看。")
    CenterView center(@PathVariable String month, @PathVariable String code) {
        if (!actor.isOperator() && !actor.isDrc() && !actor.isStaffOf(MonthlyReportVariables.PROVINCIAL_CENTER)
                && !actor.isStaffOf(code) && !actor.isSupervisorOf(code)) {
            throw ApiProblemException.forbidden("只能查看本中心的月度数据。");
        }
        MonthlyReport report = reports.generate(MonthlyReportController.parse(month));
        MonthlyReport.Row row = report.centers().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiProblemException.notFound("交易中心 " + code + " 不在月报中"));
        return new CenterView(report.month().toString(), row.code(), row.name(), row.figures(), row.negotiatedShare());
    }

    @GetMapping("/{month}/submission")
    @Operation(summary = "查看月报报送情况", description = "报送人、报送时间、是否逾期及所报数据的摘要（SHA-256）。省中心工作人员、省发展改革委和运维人员可查看。")
    SubmissionView submission(@PathVariable String month) {
        if (!actor.isOperator() && !actor.isDrc() && !actor.isStaffOf(MonthlyReportVariables.PROVINCIAL_CENTER)) {
            throw ApiProblemException.forbidden("月报报送情况仅限省公共资源交易中心工作人员、省发展改革委和运维人员查看。");
        }
        ReportMonth reportMonth = MonthlyReportController.parse(month);
        return reviews.submission(reportMonth)
                .map(s -> new SubmissionView(s.month(), s.submittedBy(), s.submittedAt().toString(), s.late(), s.figuresDigest()))
                .orElseThrow(() -> ApiProblemException.notFound(reportMonth + " 的月报报送记录"));
    }
}
