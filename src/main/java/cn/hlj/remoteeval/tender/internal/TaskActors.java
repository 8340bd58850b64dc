package cn.hlj.remoteeval.tender.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.hlj.remoteeval.security.CurrentActor;

/** Who completed a user task: its assignee, else the user the engine authenticated. */
final class TaskActors {

    private TaskActors() {
    }

    static String completedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? CurrentActor.SYSTEM : current.getUserId();
    }
}
