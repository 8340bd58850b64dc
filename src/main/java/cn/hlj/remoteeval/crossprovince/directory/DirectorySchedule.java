package cn.hlj.remoteeval.crossprovince.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the shared directories every night ({@code remote-eval.exchange.directories.cron}, Asia/Shanghai),
 * and a directory that changed within a minute or so ({@code remote-eval.exchange.directories.debounce},
 * default {@code PT1M}; {@link DirectoryChanges}); both off with
 * {@code remote-eval.exchange.directories.enabled=false}. Every node runs them; the publication table, not
 * this schedule, keeps a directory from going to a partner twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "remote-eval.exchange.directories.enabled", havingValue = "true", matchIfMissing = true)
class DirectorySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySchedule.class);

    private final DirectoryPublisher publisher;
    private final DirectoryChanges changes;

    DirectorySchedule(DirectoryPublisher publisher, DirectoryChanges changes) {
        this.publisher = publisher;
        this.changes = changes;
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

    @Scheduled(fixedDelayString = "${remote-eval.exchange.directories.debounce:PT1M}",
            initialDelayString = "${remote-eval.exchange.directories.debounce:PT1M}")
    void publishChanged() {
        try {
            changes.publishDirty();
        } catch (RuntimeException e) {
            // Marked again: the next tick tries again, and the nightly run publishes both in any case.
            LOG.warn("Changed shared directories not published: {}", e.getClass().getSimpleName());
        }
    }
}
