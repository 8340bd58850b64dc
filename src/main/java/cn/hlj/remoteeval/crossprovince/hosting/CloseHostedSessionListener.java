package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.DeadlineVariables;
import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * Task 场次结束 of a hosted session, on completion: the end is recorded and sent to the partner, and the
 * instance waits on the A/V hand-over's deadline (the deadline module correlates its reminder and breach
 * by the variable deadlineId).
 */
@Component("closeHostedSession")
class CloseHostedSessionListener implements TaskListener {

    private final HostedSessions sessions;

    CloseHostedSessionListener(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        DeadlineTicket ticket;
        try {
            ticket = sessions.closed(EngineActors.hostingId(task), task.getVariable("sessionClosed"),
                    EngineActors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
        var instance = task.getExecution().getProcessInstance();
        instance.setVariable(DeadlineVariables.DEADLINE_ID, ticket.id());
        if (ticket.dueAtAsDate() != null) {
            instance.setVariable(DeadlineVariables.DEADLINE_DUE_AT, ticket.dueAtAsDate());
        }
    }
}
