package cn.hlj.remoteeval.deadline.internal;

import java.time.Duration;
import java.util.Date;
import java.util.Locale;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The one durable Quartz job every deadline trigger points at; the trigger carries the deadline id
 * and the phase. A firing that fails (the engine refused the message, the database was away) is
 * tried again a minute later instead of being lost.
 *
 * <p>Timed per phase on {@code /actuator/prometheus}, never per deadline or tender: how long a firing
 * takes ({@value #FIRE_TIMER}) and how late after its trigger's time it started ({@value #LATENESS_TIMER}),
 * which shows whether the Quartz workers keep up when many deadlines fall due together.
 */
class DeadlineFireJob implements Job {

    static final String DEADLINE_ID = "deadlineId";
    static final String PHASE = "phase";
    static final String FIRE_TIMER = "remote_eval.deadline_fire";
    static final String LATENESS_TIMER = "remote_eval.deadline_fire.lateness";

    private static final Logger log = LoggerFactory.getLogger(DeadlineFireJob.class);

    @Autowired
    private DeadlineFiring firing;
    @Autowired
    private DeadlineTriggers triggers;
    @Autowired
    private MeterRegistry meters;

    @Override
    public void execute(JobExecutionContext context) {
        String deadlineId = context.getMergedJobDataMap().getString(DEADLINE_ID);
        String phaseName = context.getMergedJobDataMap().getString(PHASE);
        if (deadlineId == null || phaseName == null) {
            // A recovery whose original trigger was already gone carries no data; the sweep re-arms what it missed.
            log.warn("Deadline firing {} without a deadline id (recovering: {}); left to the sweep",
                    context.getTrigger().getKey(), context.isRecovering());
            return;
        }
        Phase phase = Phase.valueOf(phaseName);
        String phaseTag = phase.name().toLowerCase(Locale.ROOT);
        Date scheduled = context.getScheduledFireTime();
        if (scheduled != null) {
            timer(LATENESS_TIMER, "from a deadline trigger's time to the start of its firing", phaseTag, null)
                    .record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - scheduled.getTime())));
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "retried";
        try {
            firing.fire(deadlineId, phase);
            outcome = "fired";
        } catch (RuntimeException e) {
            // The exception's message may quote process data; the class name and the id are enough to search.
            log.warn("Deadline {} {} failed ({}), retried in one minute", deadlineId, phase, e.getClass().getName());
            triggers.retryLater(deadlineId, phase);
        } finally {
            sample.stop(timer(FIRE_TIMER, "a deadline's reminder or breach fired", phaseTag, outcome));
        }
    }

    private Timer timer(String name, String description, String phase, String outcome) {
        Timer.Builder builder = Timer.builder(name).description(description).tag(PHASE, phase)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10));
        return (outcome == null ? builder : builder.tag("outcome", outcome)).register(meters);
    }
}
