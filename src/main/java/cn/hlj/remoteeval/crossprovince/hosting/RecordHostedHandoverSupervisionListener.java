package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;
import cn.hlj.remoteeval.web.TaskInputRefused;

/** On completion of 逾期移交督办: records what the supervisor did, the note taken out of the engine. */
@Component("recordHostedHandoverSupervision")
class RecordHostedHandoverSupervisionListener implements TaskListener {

    private final HostedSessions sessions;

    RecordHostedHandoverSupervisionListener(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = SealedFormFields.takeText(task, HostedSessionVariables.SEALED_SUPERVISION_NOTE);
        try {
            sessions.handoverSupervised(EngineActors.hostingId(task),
                    task.getVariable(HostedSessionVariables.SUPERVISION_ACTION), note, EngineActors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
        task.getExecution().removeVariable(HostedSessionVariables.SUPERVISION_ACTION);
    }
}
