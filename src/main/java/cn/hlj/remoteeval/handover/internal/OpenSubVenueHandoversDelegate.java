package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task 开启副场移交: one hand-over per sub-venue session; the variable holds their opaque ids only. */
@Component("openSubVenueHandovers")
class OpenSubVenueHandoversDelegate implements JavaDelegate {

    private final HandoverService handovers;

    OpenSubVenueHandoversDelegate(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var ids = handovers.openSubVenueHandovers(execution.getProcessBusinessKey(),
                (String) execution.getVariable(MAIN_CENTER));
        execution.setVariable(SUB_VENUE_HANDOVERS, new ArrayList<>(ids));
    }
}
