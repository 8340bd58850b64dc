package cn.hlj.remoteeval.reporting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.reporting.ReportMonth;

/** Tables {@code monthly_report_review} and {@code monthly_report_submission} (V26). */
@Repository
class MonthlyReportStore {

    record Submission(String month, String submittedBy, Instant submittedAt, boolean late, String figuresDigest) {
    }

    private final JdbcClient jdbc;

    MonthlyReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the month's review; false when it was started before (here, on another node, or by hand). */
    boolean claimReview(ReportMonth month, String startedBy, Instant now) {
        try {
            jdbc.sql("INSERT INTO monthly_report_review (report_month, started_at, started_by) VALUES (?, ?, ?)")
                    .params(month.toString(), Timestamp.from(now), startedBy).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void reviewStarted(ReportMonth month, String processInstanceId) {
        jdbc.sql("UPDATE monthly_report_review SET process_instance_id = ? WHERE report_month = ?")
                .params(processInstanceId, month.toString()).update();
    }

    /** False when the month was submitted before: a submission is never replaced. */
    boolean recordSubmission(ReportMonth month, String submittedBy, Instant at, boolean late, String digest,
            String deadlineId) {
        try {
            jdbc.sql("INSERT INTO monthly_report_submission (report_month, submitted_by, submitted_at, late, "
                    + "figures_digest, deadline_id) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(month.toString(), submittedBy, Timestamp.from(at), late, digest, deadlineId).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Submission> submission(ReportMonth month) {
        return jdbc.sql("SELECT report_month, submitted_by, submitted_at, late, figures_digest "
                + "FROM monthly_report_submission WHERE report_month = ?")
                .param(month.toString())
                .query((rs, n) -> new Submission(rs.getString("report_month"), rs.getString("submitted_by"),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getBoolean("late"), rs.getString("figures_digest")))
                .optional();
    }
}
