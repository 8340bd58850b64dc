package cn.hlj.remoteeval.handover.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of a task that a deadline watches: shows the deadline's due time as the task's. */
@Component("deadlineDueDate")
class DeadlineDueDateListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        DeadlineWaits.showDueDate(task);
    }
}
