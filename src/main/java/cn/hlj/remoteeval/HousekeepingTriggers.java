package cn.hlj.remoteeval;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The trigger of a housekeeping job that one node of the Quartz cluster runs on a cron, in the
 * province's zone (the deadline sweep, the event resubmission, the audit sealer). A run missed while
 * every node was down is not made up: each run does all the work that waits, so the next one is enough.
 */
public final class HousekeepingTriggers {

    private HousekeepingTriggers() {
    }

    public static Trigger cron(TriggerKey trigger, JobKey job, String cron) {
        return TriggerBuilder.newTrigger().withIdentity(trigger).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(RemoteEvalApplication.ZONE))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }

    /**
     * As {@link #cron}, except that a run missed while every node was down fires once as soon as a node is
     * back: for a daily job whose run is itself the record of the day (the published chain heads).
     */
    public static Trigger cronMadeUp(TriggerKey trigger, JobKey job, String cron) {
        return TriggerBuilder.newTrigger().withIdentity(trigger).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone(RemoteEvalApplication.ZONE))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
