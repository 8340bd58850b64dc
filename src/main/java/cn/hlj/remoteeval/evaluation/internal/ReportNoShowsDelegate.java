package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 登记未到场专家 of {@code venue-duties}: each seat the staff found empty is vacated and
 * its supplementary draw starts (in the tender's lifecycle). The seats are cleared from the form so
 * that the next verification, of the replacements, starts empty.
 */
@Component("reportNoShows")
class ReportNoShowsDelegate implements JavaDelegate {

    private final EvaluationDayService days;

    ReportNoShowsDelegate(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sessionCode = (String) execution.getVariable(EvaluationVariables.SESSION_CODE);
        days.reportNoShows(execution.getProcessBusinessKey(), sessionCode,
                SeatNumbers.parse(execution.getVariable(EvaluationVariables.NO_SHOW_SEATS)), Actors.of(execution));
        execution.setVariable(EvaluationVariables.NO_SHOW_SEATS, "");
        execution.setVariable(EvaluationVariables.NO_SHOWS_FOUND, false);
    }
}
