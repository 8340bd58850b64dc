package cn.hlj.remoteeval.deadline.internal;

import java.util.Set;

import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.deadline.DeadlineState;

/**
 * Re-arms every open deadline that lost a trigger it still needs: a firing whose retry could not be
 * stored (the database was away), a node killed in a way recovery did not cover, a store restored
 * from an older backup. A re-armed trigger past due fires at once; the deadline's state, checked
 * under its row lock, keeps each reminder and breach to one firing whatever fires twice.
 *
 * <p>Runs at every start and on the cluster-wide schedule {@code remote-eval.deadline.sweep-cron}
 * ({@link DeadlineSweepJob}, one node at a time).
 */
@Component
@Order(21)
class DeadlineSweep implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final DeadlineStore store;
    private final DeadlineTriggers triggers;
    private final TransactionTemplate transaction;

    DeadlineSweep(DeadlineStore store, DeadlineTriggers triggers, PlatformTransactionManager transactions) {
        this.store = store;
        this.triggers = triggers;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        sweep();
    }

    /** @return how many open deadlines got a missing trigger back */
    int sweep() {
        Set<TriggerKey> armed = triggers.armed();
        int rearmed = 0;
        for (DeadlineRecord deadline : store.open()) {
            if (missingTrigger(deadline, armed) && Boolean.TRUE.equals(transaction.execute(status -> rearm(deadline.id())))) {
                rearmed++;
            }
        }
        if (rearmed > 0) {
            log.warn("Deadline sweep: {} open deadline(s) had lost a trigger and were re-armed", rearmed);
        }
        return rearmed;
    }

    /** Checked again under the row lock: the deadline may have fired or been completed since the scan. */
    private boolean rearm(String deadlineId) {
        DeadlineRecord deadline = store.lock(deadlineId).orElse(null);
        if (deadline == null || !missingTrigger(deadline, triggers.armed(deadlineId))) {
            return false;
        }
        log.warn("Deadline {} ({}) had no trigger for a phase it still needs; re-armed", deadline.id(), deadline.state());
        triggers.schedule(deadline);
        return true;
    }

    private static boolean missingTrigger(DeadlineRecord deadline, Set<TriggerKey> armed) {
        if (!deadline.open()) {
            return false;
        }
        boolean reminderMissing = deadline.state() == DeadlineState.SCHEDULED
                && !armed.contains(DeadlineTriggers.key(deadline.id(), Phase.REMINDER));
        return reminderMissing || !armed.contains(DeadlineTriggers.key(deadline.id(), Phase.BREACH));
    }
}
