package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.deadline.DeadlineVariables;
import cn.hlj.remoteeval.security.SealedFormFields;

/** On completion of 逾期线索督办: records what the supervisor did (the note kept out of the engine). */
@Component("recordClueSupervision")
class RecordClueSupervisionListener implements TaskListener {

    private final ClueService clues;

    RecordClueSupervisionListener(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = SealedFormFields.takeText(task, SEALED_SUPERVISION_NOTE);
        clues.supervised((String) task.getVariable(CLUE_ID), (String) task.getVariable(DeadlineVariables.DEADLINE_ID),
                task.getVariable(SUPERVISION_ACTION), note, TaskActors.completedBy(task));
    }
}
