package cn.hlj.remoteeval.deadline.internal;

import org.quartz.JobDetail;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
class DeadlineConfiguration {

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
}
