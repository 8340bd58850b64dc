package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of 逾期移交督办: the hand-over is marked overdue. */
@Component("handoverOverdue")
class HandoverOverdueListener implements TaskListener {

    private final HandoverService handovers;

    HandoverOverdueListener(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void notify(DelegateTask task) {
        handovers.breached((String) task.getVariable(HANDOVER_ID));
    }
}
