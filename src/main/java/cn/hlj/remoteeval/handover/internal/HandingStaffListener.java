package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
/**
 * On creation of 移交音视频资料: offers the task to the engine group of the session, which the
 * staff of the hosting center hold, so that the engine never names the sub-venue's center.
 */
@Component("handingStaff")
class HandingStaffListener implements TaskListener {

    private final HandoverService handovers;

    HandingStaffListener(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void notify(DelegateTask task) {
        task.addCandidateGroup(handovers.handingGroup((String) task.getVariable(HANDOVER_ID)));
    }
}
