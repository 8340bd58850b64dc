package cn.hlj.remoteeval.deadline.internal;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.deadline.DeadlineVariables;

/**
 * Every user task of an instance that waits on a deadline shows the deadline's due time in
 * Tasklist (and so in the filters 即将到期 and 已超期), whichever model it belongs to. A due time
 * that arrives later, with the calendar year, is set by {@link DeadlineEngine#calendarArrived}.
 */
@Component
class DeadlineDueDates {

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void taskCreated(DelegateTask task) {
        if (task.getDueDate() == null && task.getVariable(DeadlineVariables.DEADLINE_DUE_AT) instanceof Date due) {
            task.setDueDate(due);
        }
    }
}
