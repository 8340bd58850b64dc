package cn.hlj.remoteeval.deadline.internal;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.hlj.remoteeval.HousekeepingTriggers;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
class DeadlineConfiguration {

    private static final JobKey SWEEP = JobKey.jobKey("sweep", DeadlineTriggers.GROUP);

    /** Checked here, so that a bad term stops the start instead of the first deadline. */
    @Bean
    DeadlineTerms deadlineTerms(DeadlineProperties properties) {
        return DeadlineTerms.of(properties);
    }

    /** Registered with the scheduler by Spring Boot (overwrite-existing-jobs keeps it current). */
    @Bean
    JobDetail deadlineFireJob() {
        return DeadlineTriggers.jobDetail();
    }

    @Bean
    JobDetail deadlineSweepJob() {
        return JobBuilder.newJob(DeadlineSweepJob.class).withIdentity(SWEEP).storeDurably()
                .withDescription("Re-arms open deadlines that lost a trigger").build();
    }

    /** A sweep missed while every node was down waits for the next one: it only repairs, nothing is due by it. */
    @Bean
    Trigger deadlineSweepTrigger(DeadlineProperties properties) {
        return HousekeepingTriggers.cron(TriggerKey.triggerKey("sweep", DeadlineTriggers.GROUP + "-sweep"), SWEEP,
                properties.getSweepCron());
    }
}
