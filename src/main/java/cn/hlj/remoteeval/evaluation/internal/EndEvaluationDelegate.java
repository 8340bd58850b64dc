package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 核对签署并结束评标: ends the evaluation when every seat signed; otherwise tells the
 * gateway so, with the missing seat numbers for the main venue's form.
 */
@Component("endEvaluation")
class EndEvaluationDelegate implements JavaDelegate {

    private final EvaluationDayService days;

    EndEvaluationDelegate(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationDayService.EndOutcome outcome = days.endIfSigned(execution.getProcessBusinessKey());
        execution.setVariable(EvaluationVariables.ALL_SIGNED, outcome.allSigned());
        execution.setVariable(EvaluationVariables.MISSING_SIGNATURE_SEATS, SeatNumbers.format(outcome.missingSeats()));
        if (outcome.allSigned()) {
            execution.setVariable(EvaluationVariables.EVALUATION_ENDED, true);
        }
    }
}
