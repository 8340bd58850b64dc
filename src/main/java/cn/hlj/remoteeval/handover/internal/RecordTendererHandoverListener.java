package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;

/** On completion of 移交招标人: records the hand-over to the tenderer (the receiver's name kept out of the engine). */
@Component("recordTendererHandover")
class RecordTendererHandoverListener implements TaskListener {

    private final HandoverService handovers;

    RecordTendererHandoverListener(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void notify(DelegateTask task) {
        String items = SealedFormFields.takeText(task, SEALED_ITEMS);
        String receiver = SealedFormFields.takeText(task, SEALED_TENDERER_RECEIVER);
        handovers.recordTendererHandover((String) task.getVariable(HANDOVER_ID),
                new HandoverService.HandoverForm(task.getVariable(MEDIUM), task.getVariable(ITEM_COUNT), items,
                        task.getVariable(HANDED_OVER_AT)),
                receiver, TaskActors.completedBy(task));
    }
}
