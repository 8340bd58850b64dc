package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creation of 逾期移交督办 (the hand-over's deadline breached): the breach is recorded. */
@Component("hostedHandoverBreached")
class HostedHandoverBreachedListener implements TaskListener {

    private final HostedSessions sessions;

    HostedHandoverBreachedListener(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        sessions.handoverOverdue(EngineActors.hostingId(task), true);
    }
}
