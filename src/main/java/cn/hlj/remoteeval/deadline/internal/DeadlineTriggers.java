package cn.hlj.remoteeval.deadline.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.deadline.DeadlineState;

/**
 * The Quartz triggers of the deadlines: one for the reminder, one for the breach, both on the one
 * durable {@link DeadlineFireJob}. Quartz's JDBC store works on the application's datasource, so
 * scheduling and unscheduling join the caller's transaction.
 *
 * <p>Quartz fires by the wall clock while deadlines are business instants of the application's
 * {@link Clock}; a business instant maps to the wall clock shifted by the difference between the
 * two (none in production). A missed firing (every node down) fires as soon as a node is back.
 */
@Component
class DeadlineTriggers {

    static final String GROUP = "deadline";
    static final JobKey JOB = JobKey.jobKey("fire", GROUP);
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final Clock clock;

    DeadlineTriggers(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    static JobDetail jobDetail() {
        // A node killed while firing leaves the firing's transaction rolled back and its one-shot trigger
        // gone; recovery makes another node of the cluster fire it again (the deadline's state keeps it once).
        return JobBuilder.newJob(DeadlineFireJob.class).withIdentity(JOB).storeDurably().requestRecovery()
                .withDescription("Fires deadline reminders and breaches").build();
    }

    /** Schedules (or moves) the triggers a deadline in its state still needs. */
    void schedule(DeadlineRecord deadline) {
        if (deadline.state() == DeadlineState.SCHEDULED) {
            put(deadline.id(), Phase.REMINDER, deadline.remindAt());
        } else {
            unschedule(deadline.id(), Phase.REMINDER);
        }
        if (deadline.open()) {
            put(deadline.id(), Phase.BREACH, deadline.dueAt());
        } else {
            unschedule(deadline.id(), Phase.BREACH);
        }
    }

    void unscheduleAll(String deadlineId) {
        unschedule(deadlineId, Phase.REMINDER);
        unschedule(deadlineId, Phase.BREACH);
    }

    /** The keys of every deadline trigger in the store, whichever node scheduled it. */
    Set<TriggerKey> armed() {
        try {
            return scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz job store unavailable", e);
        }
    }

    /** The keys of the deadline's triggers in the store. */
    Set<TriggerKey> armed(String deadlineId) {
        Set<TriggerKey> keys = new HashSet<>();
        for (Phase phase : Phase.values()) {
            if (exists(deadlineId, phase)) {
                keys.add(key(deadlineId, phase));
            }
        }
        return keys;
    }

    boolean exists(String deadlineId, Phase phase) {
        try {
            return scheduler.checkExists(key(deadlineId, phase));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz job store unavailable", e);
        }
    }

    void retryLater(String deadlineId, Phase phase) {
        putWallClock(deadlineId, phase, Instant.now().plus(RETRY_AFTER));
    }

    /** The wall-clock instant at which Quartz must fire for the business instant {@code at}. */
    Instant wallClock(Instant at) {
        Duration ahead = Duration.between(Instant.now(), clock.instant());
        return at.minus(ahead);
    }

    /** Whether the application's clock is not the wall clock (tests only). */
    boolean shifted() {
        return Duration.between(Instant.now(), clock.instant()).abs().compareTo(Duration.ofSeconds(1)) > 0;
    }

    private void put(String deadlineId, Phase phase, Instant at) {
        putWallClock(deadlineId, phase, wallClock(at));
    }

    private void putWallClock(String deadlineId, Phase phase, Instant wallClock) {
        // A time already past would wait for Quartz's misfire scan (up to misfireThreshold); fire it at once
        // instead, the reminder just before the breach.
        Instant earliest = Instant.now().plusMillis(phase == Phase.BREACH ? 500 : 0);
        if (wallClock.isBefore(earliest)) {
            wallClock = earliest;
        }
        TriggerKey key = key(deadlineId, phase);
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(JOB)
                .usingJobData(DeadlineFireJob.DEADLINE_ID, deadlineId)
                .usingJobData(DeadlineFireJob.PHASE, phase.name())
                .startAt(Date.from(wallClock))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.rescheduleJob(key, trigger) == null) {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz job store unavailable", e);
        }
    }

    private void unschedule(String deadlineId, Phase phase) {
        try {
            scheduler.unscheduleJob(key(deadlineId, phase));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz job store unavailable", e);
        }
    }

    static TriggerKey key(String deadlineId, Phase phase) {
        return TriggerKey.triggerKey(phase.triggerName(deadlineId), GROUP);
    }
}
