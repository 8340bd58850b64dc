package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.hlj.remoteeval.security.CurrentActor;

/** Who completed a task of the hosted session: its assignee, else the user the engine authenticated, else the system. */
final class EngineActors {

    private EngineActors() {
    }

    static String completedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null || current.getUserId() == null ? CurrentActor.SYSTEM : current.getUserId();
    }

    /** Who made a service task run: the user the engine authenticated (completing the task before it), else the system. */
    static String of(DelegateExecution execution) {
        var current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null || current.getUserId() == null ? CurrentActor.SYSTEM : current.getUserId();
    }

    static String hostingId(DelegateTask task) {
        Object id = task.getVariable(HostedSessionVariables.HOSTING_ID);
        if (id == null) {
            throw new IllegalStateException("a hosted session's task needs variable " + HostedSessionVariables.HOSTING_ID);
        }
        return id.toString();
    }
}
