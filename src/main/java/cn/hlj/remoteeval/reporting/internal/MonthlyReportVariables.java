package cn.hlj.remoteeval.reporting.internal;

import cn.hlj.remoteeval.reporting.ReportMonth;

/** The names {@code bpmn/monthly-report.bpmn} and its delegates share. Centers are not secret in a monthly report. */
final class MonthlyReportVariables {

    static final String PROCESS_KEY = "monthly-report";
    static final String BUSINESS_KEY_PREFIX = PROCESS_KEY + ":";

    /** The reported month, yyyy-MM. */
    static final String MONTH = "month";
    /** The city centers that review their own figures (every center but the provincial one). */
    static final String CENTER_CODES = "centerCodes";
    /** The multi-instance element variable: the center of one review task. */
    static final String CENTER_CODE = "centerCode";
    static final String CENTER_FIGURES_CONFIRMED = "centerFiguresConfirmed";
    static final String CENTER_REMARK = "centerRemark";
    static final String PROVINCIAL_REPORT_CONFIRMED = "provincialReportConfirmed";
    /** Who completed the provincial review: the report is submitted in that person's name. */
    static final String SUBMITTED_BY = "submittedBy";
    static final String SUPERVISION_ACTION = "supervisionAction";

    static final String PROVINCIAL_CENTER = "PROV";
    static final String AUDIT_SUBJECT = "MONTHLY_REPORT";

    private MonthlyReportVariables() {
    }

    static String businessKey(ReportMonth month) {
        return BUSINESS_KEY_PREFIX + month;
    }

    /** The deadline module's tender id and subject reference of the month's report: no tender, the month. */
    static String deadlineRef(ReportMonth month) {
        return "REPORT-" + month;
    }
}
