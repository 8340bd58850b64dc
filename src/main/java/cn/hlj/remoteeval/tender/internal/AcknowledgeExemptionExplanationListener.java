package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.TENDER_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;


/** User task 确认收到书面说明, on completion: records who confirmed on the tender. */
@Component("acknowledgeExemptionExplanation")
class AcknowledgeExemptionExplanationListener implements TaskListener {

    private final TenderService tenders;

    AcknowledgeExemptionExplanationListener(TenderService tenders) {
        this.tenders = tenders;
    }

    @Override
    public void notify(DelegateTask task) {
        tenders.acknowledgeExemptionExplanation((String) task.getVariable(TENDER_ID), TaskActors.completedBy(task));
    }
}
