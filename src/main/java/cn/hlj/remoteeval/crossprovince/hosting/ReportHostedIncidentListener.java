package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;
import cn.hlj.remoteeval.web.TaskInputRefused;

/** Task 报告并处置突发情况 of a hosted session, on completion: the description leaves the engine into the incident record. */
@Component("reportHostedIncident")
class ReportHostedIncidentListener implements TaskListener {

    private final HostedSessions sessions;

    ReportHostedIncidentListener(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        String description = SealedFormFields.takeText(task, HostedSessionVariables.SEALED_INCIDENT_DESCRIPTION);
        try {
            sessions.incident(EngineActors.hostingId(task), task.getVariable(HostedSessionVariables.INCIDENT_KIND),
                    task.getVariable(HostedSessionVariables.INCIDENT_RESOLVED), description, EngineActors.completedBy(task));
            // The task comes back for the next one: with an empty form, not the last one's answers.
            task.getExecution().removeVariable(HostedSessionVariables.INCIDENT_KIND);
            task.getExecution().removeVariable(HostedSessionVariables.INCIDENT_RESOLVED);
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
