package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task 开始计算移交期限 of either hand-over leg: opens the leg's deadline and waits on it. */
@Component("openHandoverDeadline")
class OpenHandoverDeadlineDelegate implements JavaDelegate {

    private final HandoverService handovers;

    OpenHandoverDeadlineDelegate(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String handoverId = (String) execution.getVariable(HANDOVER_ID);
        DeadlineWaits.await(execution, handovers.openDeadline(handoverId));
        String sessionCode = handovers.require(handoverId).sessionCode();
        if (sessionCode != null) {
            execution.getProcessInstance().setVariable(SESSION_CODE, sessionCode);
        }
    }
}
