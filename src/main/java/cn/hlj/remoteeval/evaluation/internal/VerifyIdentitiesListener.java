package cn.hlj.remoteeval.evaluation.internal;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * User task 专家身份验证, on completion: the no-show seats must be the session's own, the experts
 * present and the no-shows must add up to the session's seats, and without a no-show every identity
 * must have been verified. Sets {@code noShowsFound} for the gateway.
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
                    (String) task.getVariable(EvaluationVariables.SESSION_CODE),
                    wholeNumber(task.getVariable(EvaluationVariables.EXPERTS_PRESENT)), noShows,
                    Boolean.TRUE.equals(task.getVariable(EvaluationVariables.IDENTITIES_VERIFIED)));
            task.getExecution().setVariable(EvaluationVariables.NO_SHOW_SEATS, SeatNumbers.format(noShows));
            task.getExecution().setVariable(EvaluationVariables.NO_SHOWS_FOUND, !noShows.isEmpty());
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }

    /** A count as a form or the REST API sends it (a number or its digits), or null when it is not a whole number. */
    static Long wholeNumber(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.valueOf(number.longValue()) : null;
        }
        if (value instanceof String text && text.strip().matches("\\d{1,9}")) {
            return Long.valueOf(text.strip());
        }
        return null;
    }
}
