package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;
import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * User task 报告突发情况 at a venue, on completion: the description is taken out of the engine into
 * the incident record, and the evaluation day is alarmed with the incident's id and kind only.
 */
@Component("reportIncident")
class ReportIncidentListener implements TaskListener {

    private final EvaluationDayService days;

    ReportIncidentListener(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void notify(DelegateTask task) {
        String description = SealedFormFields.takeText(task, EvaluationVariables.SEALED_INCIDENT_DESCRIPTION);
        if (description == null) {
            throw new TaskInputRefused("突发情况描述不能为空");
        }
        try {
            days.raiseIncident(task.getExecution().getProcessBusinessKey(),
                    (String) task.getVariable(EvaluationVariables.SESSION_CODE),
                    (String) task.getVariable(EvaluationVariables.INCIDENT_KIND), description, Actors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
