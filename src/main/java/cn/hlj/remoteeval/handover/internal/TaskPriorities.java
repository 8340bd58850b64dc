package cn.hlj.remoteeval.handover.internal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** A reminder raises the open tasks of the process instance, so that Tasklist sorts them first. */
final class TaskPriorities {

    static final int REMINDED = 80;

    private TaskPriorities() {
    }

    static void raise(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list().stream()
                .filter(task -> task.getPriority() < REMINDED)
                .forEach(task -> tasks.setPriority(task.getId(), REMINDED));
    }
}
