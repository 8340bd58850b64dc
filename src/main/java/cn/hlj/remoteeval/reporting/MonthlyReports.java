package cn.hlj.remoteeval.reporting;

import java.io.IOException;
import java.io.OutputStream;

/** Assembles the monthly report from every module's figure, note and detail sources, recomputed on each call. */
public interface MonthlyReports {

    /**
     * The report of a past or the current month (province time).
     *
     * @throws cn.hlj.remoteeval.web.ApiProblemException 422 naming {@code month} for a month still to come
     * @throws IllegalStateException when a source names a center the directory does not know
     */
    MonthlyReport generate(ReportMonth month);

    /**
     * Writes the report's workbook (the province sheet, one sheet per center, the month's tenders) to
     * {@code out}, streaming: the detail rows are never all in memory. Does not close {@code out}.
     */
    void writeWorkbook(MonthlyReport report, OutputStream out) throws IOException;
}
