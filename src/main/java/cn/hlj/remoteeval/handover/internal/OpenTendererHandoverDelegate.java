package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task 开启移交招标人: after every sub-venue's material was received (or when there was none). */
@Component("openTendererHandover")
class OpenTendererHandoverDelegate implements JavaDelegate {

    private final HandoverService handovers;

    OpenTendererHandoverDelegate(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(TENDERER_HANDOVER_ID, handovers.openTendererHandover(execution.getProcessBusinessKey(),
                (String) execution.getVariable(MAIN_CENTER)));
    }
}
