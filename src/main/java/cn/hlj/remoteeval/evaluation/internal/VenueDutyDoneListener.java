package cn.hlj.remoteeval.evaluation.internal;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * The venue duties that are confirmations (workstations, A/V link, meals and lodging), on
 * completion: the form's confirmation must be checked (a client can skip the form's own check),
 * and the duty is audited by session, never by center.
 */
@Component("venueDutyDone")
class VenueDutyDoneListener implements TaskListener {

    static final Map<String, String> CONFIRMATIONS = Map.of(
            "PrepareWorkstations", "workstationsReady",
            "ConnectAudioVideo", "audioVideoConnected",
            "ArrangeMealsAndLodging", "mealsAndLodgingArranged");

    private final AuditLog audit;
    private final Clock clock;

    VenueDutyDoneListener(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String confirmation = CONFIRMATIONS.get(task.getTaskDefinitionKey());
        if (confirmation == null) {
            throw new IllegalStateException("no confirmation is known for task " + task.getTaskDefinitionKey());
        }
        if (!Boolean.TRUE.equals(task.getVariable(confirmation))) {
            throw new TaskInputRefused("请确认“" + task.getName() + "”已完成后再提交");
        }
        audit.append(clock.instant(), Actors.completedBy(task), "VENUE_DUTY_DONE", AuditLog.TENDER_SUBJECT,
                task.getExecution().getProcessBusinessKey(),
                "duty=" + task.getTaskDefinitionKey() + ", session=" + task.getVariable(EvaluationVariables.SESSION_CODE));
    }
}
