package cn.hlj.remoteeval.crossprovince.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the shared directories every night ({@code remote-eval.exchange.directories.cron}, Asia/Shanghai;
 * off with {@code remote-eval.exchange.directories.enabled=false}). Every node runs it; the publication
 * table, not this schedule, keeps a directory from going to a partner twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "remote-eval.exchange.directories.enabled", havingValue = "true", matchIfMissing = true)
class DirectorySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySchedule.class);

    private final DirectoryPublisher publisher;

    DirectorySchedule(DirectoryPublisher publisher) {
        this.publisher = publisher;
    }

    @Scheduled(cron = "${remote-eval.exchange.directories.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void publish() {
        try {
            publisher.publishAll();
        } catch (RuntimeException e) {
            // The database away: tomorrow's run publishes what changed.
            LOG.warn("Shared directories not published: {}", e.getClass().getSimpleName());
        }
    }
}
