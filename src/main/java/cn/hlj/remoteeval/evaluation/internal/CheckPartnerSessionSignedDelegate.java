package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 查询合作省份场次签署情况 of {@code evaluation-day}, once per partner session: whether the
 * partner already reported it signed, since its report may come before the day reaches the wait. The
 * answer stays local to the session's instance, which runs beside the others.
 */
@Component("checkPartnerSessionSigned")
class CheckPartnerSessionSignedDelegate implements JavaDelegate {

    private final EvaluationDayService days;

    CheckPartnerSessionSignedDelegate(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object sessionRef = execution.getVariable(EvaluationVariables.PARTNER_SESSION_REF);
        if (sessionRef == null) {
            throw new IllegalStateException("the partner session instance needs variable " + EvaluationVariables.PARTNER_SESSION_REF);
        }
        execution.setVariableLocal(EvaluationVariables.PARTNER_SESSION_SIGNED,
                days.partnerSessionSigned(execution.getProcessBusinessKey(), sessionRef.toString()));
    }
}
