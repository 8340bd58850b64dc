package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of 登记线索移送: which body, when, under which reference; the transfer deadline is met. */
@Component("recordClueTransfer")
class RecordClueTransferListener implements TaskListener {

    private final ClueService clues;

    RecordClueTransferListener(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void notify(DelegateTask task) {
        clues.recordTransfer((String) task.getVariable(CLUE_ID), task.getVariable(TRANSFER_BODY),
                task.getVariable(TRANSFERRED_ON), task.getVariable(REFERENCE_NUMBER), TaskActors.completedBy(task));
    }
}
