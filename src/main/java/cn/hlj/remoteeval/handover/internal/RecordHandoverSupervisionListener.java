package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;

/** On completion of 逾期移交督办: records what the supervisor did (the note kept out of the engine). */
@Component("recordHandoverSupervision")
class RecordHandoverSupervisionListener implements TaskListener {

    private final HandoverService handovers;

    RecordHandoverSupervisionListener(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = SealedFormFields.takeText(task, SEALED_SUPERVISION_NOTE);
        handovers.supervised((String) task.getVariable(HANDOVER_ID), task.getVariable(SUPERVISION_ACTION), note,
                TaskActors.completedBy(task));
    }
}
