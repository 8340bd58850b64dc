package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.Groups;

/**
 * On creation of 移交音视频资料: offers the task to the staff of the center that hosts the session.
 * The center is asked from the venue module here and goes nowhere but into the candidate group.
 */
@Component("handingStaff")
class HandingStaffListener implements TaskListener {

    private final HandoverService handovers;

    HandingStaffListener(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void notify(DelegateTask task) {
        task.addCandidateGroup(Groups.staffOf(handovers.handingCenter((String) task.getVariable(HANDOVER_ID))));
        DeadlineWaits.showDueDate(task);
    }
}
