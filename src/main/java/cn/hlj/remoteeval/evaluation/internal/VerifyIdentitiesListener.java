package cn.hlj.remoteeval.evaluation.internal;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * User task 专家身份验证, on completion: the no-show seats must be the session's own, and without a
 * no-show every identity must have been verified. Sets {@code noShowsFound} for the gateway.
 */
@Component("verifyIdentities")
class VerifyIdentitiesListener implements TaskListener {

    private final EvaluationDayService days;

    VerifyIdentitiesListener(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            List<Integer> noShows = SeatNumbers.parse(task.getVariable(EvaluationVariables.NO_SHOW_SEATS));
            days.checkVerification(task.getExecution().getProcessBusinessKey(),
                    (String) task.getVariable(EvaluationVariables.SESSION_CODE), noShows,
                    Boolean.TRUE.equals(task.getVariable(EvaluationVariables.IDENTITIES_VERIFIED)));
            task.getExecution().setVariable(EvaluationVariables.NO_SHOW_SEATS, SeatNumbers.format(noShows));
            task.getExecution().setVariable(EvaluationVariables.NO_SHOWS_FOUND, !noShows.isEmpty());
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException(e.getMessage());
        }
    }
}
