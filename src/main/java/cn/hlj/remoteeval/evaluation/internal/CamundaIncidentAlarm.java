package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * The module's one way back into the engine: the {@code IncidentRaised} message to the tender's
 * {@code evaluation-day} instance (business key and definition, never any other process of the
 * tender), with the incident's id and kind as variables local to the event sub-process.
 */
@Component
class CamundaIncidentAlarm implements IncidentAlarm {

    private final RuntimeService runtime;
    private final IdentityService identity;

    CamundaIncidentAlarm(@Lazy RuntimeService runtime, @Lazy IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public void raise(String tenderId, String incidentId, IncidentKind kind) {
        // A sub-venue's staff may not touch the main venue's process: the system passes the alarm on, not they.
        Authentication staff = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            ProcessInstance day = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(EvaluationVariables.EVALUATION_DAY_PROCESS).processInstanceBusinessKey(tenderId)
                    .active().singleResult();
            if (day == null) {
                throw new TaskInputRefused("该标段评标尚未开始或已结束，不能报告突发情况");
            }
            runtime.createMessageCorrelation(EvaluationVariables.MESSAGE_INCIDENT_RAISED)
                    .processInstanceId(day.getId())
                    .setVariableLocal(EvaluationVariables.INCIDENT_ID, incidentId)
                    .setVariableLocal(EvaluationVariables.INCIDENT_KIND, kind.name())
                    .correlate();
        } finally {
            if (staff != null) {
                identity.setAuthentication(staff);
            }
        }
    }
}
