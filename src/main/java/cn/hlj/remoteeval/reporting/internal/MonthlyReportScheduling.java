package cn.hlj.remoteeval.reporting.internal;

import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.hlj.remoteeval.reporting.ReportMonth;

/**
 * The monthly start on the application's clustered Quartz scheduler (registered by Spring Boot,
 * overwrite-existing-jobs keeps the cron current). A firing missed while every node was down runs once
 * when a node is back.
 */
@Configuration(proxyBeanMethods = false)
class MonthlyReportScheduling {

    static final String GROUP = "reporting";
    static final JobKey JOB = JobKey.jobKey("monthly-report-start", GROUP);

    @Bean
    JobDetail monthlyReportStartJob() {
        return JobBuilder.newJob(MonthlyReportStartJob.class).withIdentity(JOB).storeDurably()
                .withDescription("Starts the review of the month just ended").build();
    }

    @Bean
    Trigger monthlyReportStartTrigger(JobDetail monthlyReportStartJob,
            @Value("${remote-eval.reporting.monthly-cron:0 0 1 1 * ?}") String cron) {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalStateException("remote-eval.reporting.monthly-cron is not a Quartz cron expression: '" + cron + "'");
        }
        return TriggerBuilder.newTrigger().withIdentity("monthly-report-start", GROUP).forJob(monthlyReportStartJob)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(ReportMonth.PROVINCE))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
