package cn.hlj.remoteeval.deadline.internal;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.deadline.DeadlineVariables;

/**
 * The deadline module's only way into the engine: correlates its two messages to the process
 * instances waiting on a deadline, shows a due time that arrived late on their tasks, and clears the "awaiting calendar" incident once a schedule arrives.
 * Runs in the caller's transaction.
 */
@Component
class DeadlineEngine {

    private final RuntimeService runtime;
    private final TaskService tasks;

    DeadlineEngine(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** @return how many executions received the message (0 when no process waits: the duty may have no model) */
    int correlate(String message, String deadlineId) {
        return runtime.createMessageCorrelation(message)
                .processInstanceVariableEquals(DeadlineVariables.DEADLINE_ID, deadlineId)
                .correlateAllWithResult()
                .size();
    }

    /** The schedule the deadline waited for is loaded: its due time is shown, the incident resolved. */
    void calendarArrived(String deadlineId, Date dueAt) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .variableValueEquals(DeadlineVariables.DEADLINE_ID, deadlineId).active().list()) {
            runtime.setVariable(instance.getId(), DeadlineVariables.DEADLINE_DUE_AT, dueAt);
            for (Task waiting : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
                if (waiting.getDueDate() == null) {
                    waiting.setDueDate(dueAt);
                    tasks.saveTask(waiting);
                }
            }
        }
        resolveAwaitingIncidents(deadlineId);
    }

    void resolveAwaitingIncidents(String deadlineId) {
        for (Incident incident : runtime.createIncidentQuery()
                .incidentType(DeadlineVariables.INCIDENT_AWAITING_CALENDAR)
                .configuration(deadlineId)
                .list()) {
            runtime.resolveIncident(incident.getId());
        }
    }
}
