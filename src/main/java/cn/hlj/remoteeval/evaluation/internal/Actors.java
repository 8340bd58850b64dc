package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

import cn.hlj.remoteeval.security.CurrentActor;

/** Who acts in the engine: a task's assignee, else the user the engine authenticated, else the system. */
final class Actors {

    private Actors() {
    }

    static String completedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? CurrentActor.SYSTEM : current.getUserId();
    }

    static String of(DelegateExecution execution) {
        var current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? CurrentActor.SYSTEM : current.getUserId();
    }
}
