package cn.hlj.remoteeval.deadline.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.deadline.DeadlineBreached;
import cn.hlj.remoteeval.deadline.DeadlineReminderDue;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineVariables;

/**
 * What a deadline trigger does, in one transaction under the deadline's row lock: the state change,
 * the BPMN message and the event commit together or not at all. The state decides whether anything
 * happens, so a trigger that survived a completion, or fired on a second node, changes nothing.
 */
@Component
class DeadlineFiring {

    private static final Logger log = LoggerFactory.getLogger(DeadlineFiring.class);

    private final DeadlineStore store;
    private final DeadlineEngine engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineFiring(DeadlineStore store, DeadlineEngine engine, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /** @return whether the deadline changed state */
    @Transactional
    public boolean fire(String deadlineId, Phase phase) {
        DeadlineRecord deadline = store.lock(deadlineId).orElse(null);
        if (deadline == null) {
            log.info("Deadline {} {}: no such deadline", deadlineId, phase);
            return false;
        }
        if (phase == Phase.REMINDER) {
            if (deadline.state() != DeadlineState.SCHEDULED) {
                return false;
            }
            store.changeState(deadlineId, DeadlineState.REMINDED, "reminded_at", clock.instant());
            int received = engine.correlate(DeadlineVariables.MESSAGE_REMINDER, deadlineId);
            events.publishEvent(new DeadlineReminderDue(deadlineId, deadline.kind(), deadline.tenderId(),
                    deadline.subjectRef(), deadline.dueDate()));
            logOutcome(deadlineId, phase, received);
            return true;
        }
        if (!deadline.open()) {
            return false;
        }
        store.changeState(deadlineId, DeadlineState.BREACHED, "breached_at", clock.instant());
        int received = engine.correlate(DeadlineVariables.MESSAGE_BREACHED, deadlineId);
        events.publishEvent(new DeadlineBreached(deadlineId, deadline.kind(), deadline.tenderId(),
                deadline.subjectRef(), deadline.dueDate()));
        logOutcome(deadlineId, phase, received);
        return true;
    }

    private static void logOutcome(String deadlineId, Phase phase, int received) {
        if (received == 0) {
            log.info("Deadline {} {}: no process instance waits on it", deadlineId, phase);
        } else {
            log.info("Deadline {} {}: message correlated to {} execution(s)", deadlineId, phase, received);
        }
    }
}
