package cn.hlj.remoteeval.handover.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

import cn.hlj.remoteeval.security.CurrentActor;

/** Who completed a user task or started a process: the task's assignee, else the user the engine authenticated. */
final class TaskActors {

    private TaskActors() {
    }

    static String completedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return authenticatedUser(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
    }

    static String authenticatedUser(Authentication current) {
        return current == null || current.getUserId() == null ? CurrentActor.SYSTEM : current.getUserId();
    }
}
