package cn.hlj.remoteeval.deadline.internal;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one durable Quartz job every deadline trigger points at; the trigger carries the deadline id
 * and the phase. A firing that fails (the engine refused the message, the database was away) is
 * tried again a minute later instead of being lost.
 */
class DeadlineFireJob implements Job {

    static final String DEADLINE_ID = "deadlineId";
    static final String PHASE = "phase";

    private static final Logger log = LoggerFactory.getLogger(DeadlineFireJob.class);

    @Autowired
    private DeadlineFiring firing;
    @Autowired
    private DeadlineTriggers triggers;

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
        try {
            firing.fire(deadlineId, phase);
        } catch (RuntimeException e) {
            // The exception's message may quote process data; the class name and the id are enough to search.
            log.warn("Deadline {} {} failed ({}), retried in one minute", deadlineId, phase, e.getClass().getName());
            triggers.retryLater(deadlineId, phase);
        }
    }
}
