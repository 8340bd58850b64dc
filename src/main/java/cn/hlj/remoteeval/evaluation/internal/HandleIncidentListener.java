package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;
import cn.hlj.remoteeval.web.TaskInputRefused;

/** User task 处置突发情况 at the main venue, on completion: records the measure, whether resolved, and the sealed note. */
@Component("handleIncident")
class HandleIncidentListener implements TaskListener {

    private final EvaluationDayService days;

    HandleIncidentListener(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = SealedFormFields.takeText(task, EvaluationVariables.SEALED_HANDLING_NOTE);
        Object incidentId = task.getVariable(EvaluationVariables.INCIDENT_ID);
        if (incidentId == null) {
            throw new IllegalStateException("handling an incident needs variable " + EvaluationVariables.INCIDENT_ID);
        }
        try {
            days.handleIncident(task.getExecution().getProcessBusinessKey(), incidentId.toString(),
                    (String) task.getVariable(EvaluationVariables.INCIDENT_MEASURE),
                    Boolean.TRUE.equals(task.getVariable(EvaluationVariables.INCIDENT_RESOLVED)), note,
                    Actors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
