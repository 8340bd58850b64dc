package cn.hlj.remoteeval.audit.internal;

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

/**
 * The cluster-wide schedule of {@link AuditSealer}: Quartz's clustered store runs it on one node at
 * a time; the head lock would serialise two sealers anyway, this only spares the other node the wait.
 */
@Configuration(proxyBeanMethods = false)
class AuditSealConfiguration {

    private static final JobKey SEAL = JobKey.jobKey("seal", "audit");

    @Bean
    JobDetail auditSealJob() {
        return JobBuilder.newJob(AuditSealJob.class).withIdentity(SEAL).storeDurably()
                .withDescription("Seals committed audit entries into the audit chain").build();
    }

    /** A run missed while every node was down waits for the next one: each run seals all that waits. */
    @Bean
    Trigger auditSealTrigger(@Value("${remote-eval.audit.seal-cron}") String cron) {
        return HousekeepingTriggers.cron(TriggerKey.triggerKey("seal", "audit"), SEAL, cron);
    }

    @DisallowConcurrentExecution
    static class AuditSealJob implements Job {

        @Autowired
        private AuditSealer sealer;

        @Override
        public void execute(JobExecutionContext context) {
            sealer.sealPending();
        }
    }
}
