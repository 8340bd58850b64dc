package cn.hlj.remoteeval.evaluation.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 准备评标 of {@code evaluation-day}: records the day as started and sets
 * {@code venueSessions}, the anonymous session codes the venue duties run over, and {@code partnerSessions},
 * the opaque references of the sessions a partner province holds (empty for every other tender).
 */
@Component("prepareEvaluationDay")
class PrepareEvaluationDayDelegate implements JavaDelegate {

    private final EvaluationDayService days;

    PrepareEvaluationDayDelegate(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object mainCenter = execution.getVariable(EvaluationVariables.MAIN_CENTER);
        if (mainCenter == null) {
            throw new IllegalStateException("the evaluation day needs variable " + EvaluationVariables.MAIN_CENTER);
        }
        String tenderId = execution.getProcessBusinessKey();
        execution.setVariable(EvaluationVariables.VENUE_SESSIONS, new ArrayList<>(days.start(tenderId, mainCenter.toString())));
        execution.setVariable(EvaluationVariables.PARTNER_SESSIONS, new ArrayList<>(days.partnerSessions(tenderId)));
    }
}
