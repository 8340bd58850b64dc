package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task 期限提醒 of a hand-over leg: records the reminder and raises the open task. */
@Component("handoverReminder")
class HandoverReminderDelegate implements JavaDelegate {

    private final HandoverService handovers;

    HandoverReminderDelegate(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        handovers.reminded((String) execution.getVariable(HANDOVER_ID));
        TaskPriorities.raise(execution);
    }
}
