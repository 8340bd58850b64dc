package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.ROLLOUT;
import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.TENDER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.scope.RolloutStatus;

/** Service task 核对省内推广范围. */
@Component("assessRollout")
class AssessRolloutDelegate implements JavaDelegate {

    private final TenderService tenders;

    AssessRolloutDelegate(TenderService tenders) {
        this.tenders = tenders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RolloutStatus status = tenders.assessRollout((String) execution.getVariable(TENDER_ID));
        execution.setVariable(ROLLOUT, status.name());
    }
}
