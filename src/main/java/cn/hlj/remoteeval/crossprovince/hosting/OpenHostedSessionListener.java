package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/** Task 场次开始 of a hosted session, on completion: the start is recorded and sent to the partner. */
@Component("openHostedSession")
class OpenHostedSessionListener implements TaskListener {

    private final HostedSessions sessions;

    OpenHostedSessionListener(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            sessions.opened(EngineActors.hostingId(task), task.getVariable("sessionOpened"), EngineActors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
