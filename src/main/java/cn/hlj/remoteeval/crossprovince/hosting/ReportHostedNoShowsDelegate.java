package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 登记未到场专家并补抽 of {@code hosted-session}: each seat the staff found empty is drawn again
 * (in the draw module, with its own confirmation). The seats are cleared so that the next verification, of
 * the replacements, starts empty.
 */
@Component("reportHostedNoShows")
class ReportHostedNoShowsDelegate implements JavaDelegate {

    private final HostedExpertSeats seats;

    ReportHostedNoShowsDelegate(HostedExpertSeats seats) {
        this.seats = seats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        seats.noShows(execution.getProcessBusinessKey(),
                HostedSeatNumbers.parse(execution.getVariable(HostedSessionVariables.NO_SHOW_SEATS)), EngineActors.of(execution));
        execution.setVariable(HostedSessionVariables.NO_SHOW_SEATS, "");
        execution.setVariable(HostedSessionVariables.NO_SHOWS_FOUND, false);
    }
}
