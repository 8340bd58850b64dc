package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;

/**
 * On completion of 移交音视频资料: records medium, items with checksums and who handed over. A
 * refused form fails the completion: the task stays open with the reason, nothing is recorded.
 */
@Component("recordHandedOver")
class RecordHandedOverListener implements TaskListener {

    private final HandoverService handovers;

    RecordHandedOverListener(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void notify(DelegateTask task) {
        String items = SealedFormFields.takeText(task, SEALED_ITEMS);
        handovers.recordHandedOver((String) task.getVariable(HANDOVER_ID),
                new HandoverService.HandoverForm(task.getVariable(MEDIUM), task.getVariable(ITEM_COUNT), items,
                        task.getVariable(HANDED_OVER_AT)),
                TaskActors.completedBy(task));
    }
}
