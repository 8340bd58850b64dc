package cn.hlj.remoteeval.crossprovince.partners;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the target check every morning on every node; the alert table's key, not this schedule,
 * keeps two nodes from raising one alert twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "remote-eval.partner-target-check-enabled", havingValue = "true", matchIfMissing = true)
class PartnerTargetSchedule {

    private static final Logger log = LoggerFactory.getLogger(PartnerTargetSchedule.class);

    private final PartnerTargetWatch watch;

    PartnerTargetSchedule(PartnerTargetWatch watch) {
        this.watch = watch;
    }

    @Scheduled(cron = "${remote-eval.partner-target-check-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    void check() {
        try {
            watch.check();
        } catch (RuntimeException e) {
            // Two nodes racing for one alert, or the database away: tomorrow's check retries.
            log.warn("Partner target check failed", e);
        }
    }
}
