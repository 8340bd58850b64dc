package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The A/V hand-over's deadline reminded (RemindHandover) or was breached (RecordHandoverOverdue) while the task waits. */
@Component("hostedHandoverOverdue")
class HostedHandoverOverdueDelegate implements JavaDelegate {

    static final String BREACH_ACTIVITY = "RecordHandoverOverdue";

    private final HostedSessions sessions;

    HostedHandoverOverdueDelegate(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sessions.handoverOverdue(execution.getProcessBusinessKey(), BREACH_ACTIVITY.equals(execution.getCurrentActivityId()));
    }
}
