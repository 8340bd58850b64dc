package cn.hlj.remoteeval.deadline.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** The cluster-wide schedule of {@link DeadlineSweep}: Quartz's clustered store runs it on one node. */
@DisallowConcurrentExecution
class DeadlineSweepJob implements Job {

    @Autowired
    private DeadlineSweep sweep;

    @Override
    public void execute(JobExecutionContext context) {
        sweep.sweep();
    }
}
