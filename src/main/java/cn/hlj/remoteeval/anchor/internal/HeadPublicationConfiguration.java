package cn.hlj.remoteeval.anchor.internal;

import java.net.URI;
import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.hlj.remoteeval.HousekeepingTriggers;
import cn.hlj.remoteeval.anchor.TimestampAuthority;

/**
 * The daily publication on one node of the Quartz cluster ({@code remote-eval.anchor.publish-cron},
 * province time), and the optional time-stamping authority ({@code remote-eval.anchor.tsa-url}).
 */
@Configuration(proxyBeanMethods = false)
class HeadPublicationConfiguration {

    private static final JobKey PUBLISH = JobKey.jobKey("publish-heads", "anchor");

    @Bean
    JobDetail headPublicationJob() {
        return JobBuilder.newJob(HeadPublicationJob.class).withIdentity(PUBLISH).storeDurably()
                .withDescription("Publishes the day's signed heads of the draw chain and the audit chain").build();
    }

    /**
     * A run missed while every node was down fires when a node is back, so the day still gets its
     * statement; the day's key keeps that from doubling a statement already taken.
     */
    @Bean
    Trigger headPublicationTrigger(@Value("${remote-eval.anchor.publish-cron}") String cron) {
        return HousekeepingTriggers.cronMadeUp(TriggerKey.triggerKey("publish-heads", "anchor"), PUBLISH, cron);
    }

    @Bean
    TimestampAuthority timestampAuthority(@Value("${remote-eval.anchor.tsa-url:}") String url,
            @Value("${remote-eval.anchor.tsa-timeout:PT20S}") Duration timeout) {
        if (url == null || url.isBlank()) {
            return digest -> java.util.Optional.empty();
        }
        return new Rfc3161TimestampAuthority(URI.create(url.strip()), timeout);
    }

    @DisallowConcurrentExecution
    static class HeadPublicationJob implements Job {

        @Autowired
        private HeadPublisher publisher;

        @Override
        public void execute(JobExecutionContext context) {
            publisher.publishToday();
        }
    }
}
