package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.TENDER_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.CurrentActor;

/** User task 确认收到书面说明, on completion: records who confirmed on the tender. */
@Component("acknowledgeExemptionExplanation")
class AcknowledgeExemptionExplanationListener implements TaskListener {

    private final TenderService tenders;

    AcknowledgeExemptionExplanationListener(TenderService tenders) {
        this.tenders = tenders;
    }

    @Override
    public void notify(DelegateTask task) {
        tenders.acknowledgeExemptionExplanation((String) task.getVariable(TENDER_ID), completedBy(task));
    }

    private static String completedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? CurrentActor.SYSTEM : current.getUserId();
    }
}
