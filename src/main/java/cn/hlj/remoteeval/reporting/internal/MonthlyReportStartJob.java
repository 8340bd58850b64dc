package cn.hlj.remoteeval.reporting.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.security.CurrentActor;

/**
 * Starts the review of the month just ended, once: a firing that finds the month's review (running or
 * finished) does nothing. Quartz's clustered store fires the trigger on one node and never runs two
 * of these at once; the review table's key covers an operator starting the month by hand meanwhile.
 */
@DisallowConcurrentExecution
class MonthlyReportStartJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportStartJob.class);

    @Autowired
    private MonthlyReportReviews reviews;

    @Override
    public void execute(JobExecutionContext context) {
        ReportMonth month = reviews.previousMonth();
        if (reviews.startOnce(month, CurrentActor.SYSTEM).isEmpty()) {
            log.info("Monthly report review of {} exists; not started again", month);
        }
    }
}
