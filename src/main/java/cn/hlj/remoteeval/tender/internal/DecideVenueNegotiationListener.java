package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/** User task 确认协商确定副场, on completion: records the supervisor's decision on the tender. */
@Component("decideVenueNegotiation")
class DecideVenueNegotiationListener implements TaskListener {

    private final TenderService tenders;

    DecideVenueNegotiationListener(TenderService tenders) {
        this.tenders = tenders;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(VENUE_NEGOTIATION_DECISION);
        if (!APPROVE.equals(decision) && !REFUSE.equals(decision)) {
            throw new TaskInputRefused("请选择是否同意协商确定副场");
        }
        tenders.decideVenueNegotiation((String) task.getVariable(TENDER_ID), APPROVE.equals(decision),
                TaskActors.completedBy(task));
    }
}
