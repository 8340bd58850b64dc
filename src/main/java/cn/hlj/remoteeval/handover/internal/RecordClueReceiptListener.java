package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of 接收线索: the main venue has the clue; the deadline of its passing is met. */
@Component("recordClueReceipt")
class RecordClueReceiptListener implements TaskListener {

    private final ClueService clues;

    RecordClueReceiptListener(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void notify(DelegateTask task) {
        clues.receive((String) task.getVariable(CLUE_ID), task.getVariable(CLUE_RECEIVED), TaskActors.completedBy(task));
    }
}
