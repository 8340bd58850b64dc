package cn.hlj.remoteeval.reporting.internal;

import static cn.hlj.remoteeval.reporting.internal.MonthlyReportVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.reporting.MonthlyReport;
import cn.hlj.remoteeval.reporting.MonthlyReports;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * The monthly report's own process ({@code bpmn/monthly-report.bpmn}): started once per month, by the
 * Quartz job on the 1st or by an operator; the deadline opened; the report submitted to the DRC.
 */
@Service
class MonthlyReportReviews {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportReviews.class);

    private final MonthlyReportStore store;
    private final MonthlyReports reports;
    private final TradingCenters centers;
    private final Deadlines deadlines;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final AuditLog audit;
    private final Clock clock;

    MonthlyReportReviews(MonthlyReportStore store, MonthlyReports reports, TradingCenters centers, Deadlines deadlines,
            RuntimeService runtime, HistoryService history, AuditLog audit, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.centers = centers;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    /** The month before the current one in the province: the month the job on the 1st reports. */
    ReportMonth previousMonth() {
        return new ReportMonth(YearMonth.now(clock.withZone(ReportMonth.PROVINCE)).minusMonths(1));
    }

    boolean ended(ReportMonth month) {
        return month.month().isBefore(YearMonth.now(clock.withZone(ReportMonth.PROVINCE)));
    }

    /**
     * Starts the month's review unless it was started before, running or finished (the claim's key
     * stops a second node or an operator racing the job).
     *
     * @return the process instance id; empty when the month's review exists
     */
    @Transactional
    public Optional<String> startOnce(ReportMonth month, String startedBy) {
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(month)).count() > 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!store.claimReview(month, startedBy, now)) {
            return Optional.empty();
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(MONTH, month.toString());
        variables.put(CENTER_CODES, cityCenters());
        String id = runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(month), variables).getId();
        store.reviewStarted(month, id);
        audit.append(now, startedBy, "MONTHLY_REPORT_REVIEW_STARTED", AUDIT_SUBJECT, month.toString(), null);
        log.info("Monthly report review of {} started", month);
        return Optional.of(id);
    }

    /** Every center but the provincial one, in the directory's order. */
    ArrayList<String> cityCenters() {
        ArrayList<String> codes = new ArrayList<>();
        for (TradingCenter center : centers.all()) {
            if (!center.code().equals(PROVINCIAL_CENTER)) {
                codes.add(center.code());
            }
        }
        return codes;
    }

    /** Opens the month's deadline: due in the next month, whenever the review starts. */
    DeadlineTicket openDeadline(ReportMonth month) {
        return deadlines.open(DeadlineKind.MONTHLY_REPORT, deadlineRef(month),
                deadlineRef(month), month.firstDay());
    }

    /**
     * Records the submission to the DRC with the digest of the figures as submitted and completes the
     * deadline. Late when the deadline was breached or has passed.
     */
    @Transactional
    public void submit(ReportMonth month, String submittedBy, String deadlineId) {
        MonthlyReport report = reports.generate(month);
        Instant now = clock.instant();
        boolean late = false;
        if (deadlineId != null) {
            Optional<DeadlineTicket> ticket = deadlines.find(deadlineId);
            late = ticket.map(t -> t.state() == DeadlineState.BREACHED || t.dueAt() != null && !now.isBefore(t.dueAt()))
                    .orElse(false);
        }
        String digest = FiguresDigest.of(report);
        if (!store.recordSubmission(month, submittedBy, now, late, digest, deadlineId)) {
            throw new IllegalStateException("The monthly report of " + month + " was submitted before");
        }
        if (deadlineId != null) {
            deadlines.complete(deadlineId);
        }
        audit.append(now, submittedBy, late ? "MONTHLY_REPORT_SUBMITTED_LATE" : "MONTHLY_REPORT_SUBMITTED", AUDIT_SUBJECT,
                month.toString(), "figures " + digest);
        log.info("Monthly report of {} submitted{}", month, late ? " late" : "");
    }

    Optional<MonthlyReportStore.Submission> submission(ReportMonth month) {
        return store.submission(month);
    }

    void audit(String actor, String action, ReportMonth month, String detail) {
        audit.append(clock.instant(), actor, action, AUDIT_SUBJECT, month.toString(), detail);
    }
}
