package cn.hlj.remoteeval.draw.internal;

import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawKind;

/**
 * The lifecycle's waits for a supervisor's commitment (提交监督随机数), one before the venue draw and one before the
 * expert draw; the business key is the tender id.
 */
@Component
class SupervisorEntropyTasks {

    static final String BEFORE_VENUE_DRAW = "CommitVenueDrawEntropy";
    static final String BEFORE_EXPERT_DRAW = "CommitExpertDrawEntropy";

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;

    SupervisorEntropyTasks(TaskService tasks, RuntimeService runtime, ManagementService management) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
    }

    /** Whether the tender's draw of {@code kind} is a job still to run: waiting, or failed and to be retried. */
    boolean drawPending(String tenderId, DrawKind kind) {
        String activity = kind == DrawKind.VENUE ? "DrawVenues" : "DrawExperts";
        return runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle").processInstanceBusinessKey(tenderId)
                .list().stream().anyMatch(lifecycle -> management.createJobQuery().processInstanceId(lifecycle.getId())
                        .activityId(activity).count() > 0);
    }

    /** The draw whose commitment the tender's lifecycle waits for, if it waits. */
    Optional<DrawKind> awaited(String tenderId) {
        return open(tenderId).map(task -> kindOf(task.getTaskDefinitionKey()));
    }

    void complete(String tenderId) {
        tasks.complete(open(tenderId).orElseThrow(() -> new IllegalStateException("no commitment task open for " + tenderId)).getId());
    }

    static DrawKind kindOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey) {
            case BEFORE_VENUE_DRAW -> DrawKind.VENUE;
            case BEFORE_EXPERT_DRAW -> DrawKind.EXPERT;
            default -> throw new IllegalArgumentException("not a commitment task: " + taskDefinitionKey);
        };
    }

    private Optional<Task> open(String tenderId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(tenderId)
                .taskDefinitionKeyIn(BEFORE_VENUE_DRAW, BEFORE_EXPERT_DRAW).list().stream().findFirst();
    }
}
