package cn.hlj.remoteeval.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the outbox on every node; the claims, not this schedule, keep two nodes from sending one
 * message. Off in the tests, which call the dispatcher themselves and count what it sends.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "remote-eval.sms.dispatch-enabled", havingValue = "true", matchIfMissing = true)
class SmsDispatchSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(SmsDispatchSchedule.class);

    private final SmsDispatcher dispatcher;

    SmsDispatchSchedule(SmsDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${remote-eval.sms.dispatch-interval:PT5S}",
            initialDelayString = "${remote-eval.sms.dispatch-interval:PT5S}")
    void dispatch() {
        try {
            int handled;
            // A full batch means more may be waiting: keep going rather than wait a whole interval.
            do {
                handled = dispatcher.dispatchDue();
            } while (handled >= dispatcher.batchSize());
        } catch (RuntimeException e) {
            // Database trouble: the next round retries. The SQL carries no personal data, only bind markers.
            LOG.warn("SMS dispatch round failed", e);
        }
    }
}
