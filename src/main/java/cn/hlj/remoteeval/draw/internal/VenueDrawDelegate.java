package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawVariables;

/**
 * Service task 随机抽取副场并预订评标工位: draws the venues of the tender whose id is the process
 * business key and tells the gateway whether it worked. It sets {@link DrawVariables#VENUES_DRAWN}
 * and nothing else: no center ever becomes a process variable.
 */
@Component(DrawVariables.DRAW_VENUES_DELEGATE)
class VenueDrawDelegate implements JavaDelegate {

    private final VenueDraws draws;

    VenueDrawDelegate(VenueDraws draws) {
        this.draws = draws;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tenderId = execution.getProcessBusinessKey();
        if (tenderId == null || tenderId.isBlank()) {
            throw new IllegalStateException("the venue draw needs the tender id as the process business key");
        }
        execution.setVariable(DrawVariables.VENUES_DRAWN, draws.draw(tenderId));
    }
}
