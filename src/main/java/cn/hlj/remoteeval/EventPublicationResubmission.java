package cn.hlj.remoteeval;

import java.time.Duration;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Hands module events whose listener never finished to that listener again: a listener that failed
 * (a lock met, a partner away), or a node that died between a business commit and its listeners.
 * Spring Modulith republishes them at a node's start only; in a cluster whose dead node is not
 * restarted, the tender would wait until someone restarts a node. One node of the cluster at a time
 * (Quartz's clustered store) resubmits what is older than {@code remote-eval.events.resubmit-after},
 * long enough that a listener still running on a live node is not run a second time beside it.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationResubmission {

    static final JobKey JOB = JobKey.jobKey("resubmit", "event-publications");

    @Bean
    JobDetail eventPublicationResubmissionJob() {
        return JobBuilder.newJob(ResubmitJob.class).withIdentity(JOB).storeDurably()
                .withDescription("Resubmits module events whose listener did not finish").build();
    }

    @Bean
    Trigger eventPublicationResubmissionTrigger(@Value("${remote-eval.events.resubmit-cron}") String cron) {
        return HousekeepingTriggers.cron(TriggerKey.triggerKey("resubmit", "event-publications"), JOB, cron);
    }

    @DisallowConcurrentExecution
    static class ResubmitJob implements Job {

        private static final Logger log = LoggerFactory.getLogger(ResubmitJob.class);

        @Autowired
        private IncompleteEventPublications publications;
        @Value("${remote-eval.events.resubmit-after}")
        private Duration after;

        @Override
        public void execute(JobExecutionContext context) {
            log.debug("Resubmitting module events incomplete for longer than {}", after);
            publications.resubmitIncompletePublicationsOlderThan(after);
        }
    }
}
