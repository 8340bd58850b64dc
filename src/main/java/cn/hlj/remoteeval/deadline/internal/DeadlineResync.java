package cn.hlj.remoteeval.deadline.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-maps the triggers of every open deadline to the application's clock. In production the clock
 * is the wall clock and nothing moves; a test that sets its clock calls {@link #resync()} so that
 * Quartz fires when the test's clock reaches the deadline. At the first start on a restored dump
 * ({@code remote-eval.deadline.resync-on-start}) it re-arms triggers the dump may lack; a deadline whose
 * time has passed then fires at once, and one that already fired does not again (its state says so).
 */
@Service
@Order(20)
public class DeadlineResync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeadlineResync.class);

    private final DeadlineStore store;
    private final DeadlineTriggers triggers;
    private final DeadlineProperties properties;

    DeadlineResync(DeadlineStore store, DeadlineTriggers triggers, DeadlineProperties properties) {
        this.store = store;
        this.triggers = triggers;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.isResyncOnStart()) {
            int armed = resync();
            log.info("remote-eval.deadline.resync-on-start: triggers of {} open deadline(s) re-armed", armed);
        } else if (triggers.shifted()) {
            int moved = resync();
            log.info("Application clock differs from the wall clock: {} open deadline(s) re-mapped", moved);
        }
    }

    /** @return how many open deadlines had their triggers re-mapped */
    @Transactional
    public int resync() {
        int count = 0;
        for (DeadlineRecord deadline : store.open()) {
            triggers.schedule(deadline);
            count++;
        }
        return count;
    }
}
