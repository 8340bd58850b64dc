package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The A/V hand-over's deadline reminded while the task waits (RemindHandover): recorded only, since the
 * hand-over task is already in the session's staff's list. A breach opens 逾期移交督办 instead
 * ({@link HostedHandoverBreachedListener}).
 */
@Component("hostedHandoverOverdue")
class HostedHandoverOverdueDelegate implements JavaDelegate {

    private final HostedSessions sessions;

    HostedHandoverOverdueDelegate(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sessions.handoverOverdue(execution.getProcessBusinessKey(), false);
    }
}
