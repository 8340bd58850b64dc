package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of 确认接收: the main venue verified the checksums; the hand-over's deadline is met. */
@Component("recordHandoverReceipt")
class RecordReceiptListener implements TaskListener {

    private final HandoverService handovers;

    RecordReceiptListener(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void notify(DelegateTask task) {
        handovers.recordReceipt((String) task.getVariable(HANDOVER_ID), task.getVariable(CHECKSUMS_VERIFIED),
                task.getVariable(RECEIVED_AT), TaskActors.completedBy(task));
    }
}
