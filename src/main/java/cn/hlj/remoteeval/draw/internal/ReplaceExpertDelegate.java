package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawVariables;

/**
 * Service task 补抽评标专家并发送短信 of a seat's confirmation: the supplementary draw for the seat
 * whose number the process carries. Sets only whether a new expert was invited.
 */
@Component(DrawVariables.REPLACE_EXPERT_DELEGATE)
class ReplaceExpertDelegate implements JavaDelegate {

    private final ExpertDrawService draws;

    ReplaceExpertDelegate(ExpertDrawService draws) {
        this.draws = draws;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object seat = execution.getVariable(DrawVariables.SEAT);
        if (!(seat instanceof Number number)) {
            throw new IllegalStateException("the supplementary draw needs the seat number as variable " + DrawVariables.SEAT);
        }
        execution.setVariable(DrawVariables.REPLACEMENT_DRAWN,
                draws.replace(BusinessKeys.tenderId(execution), number.intValue()));
    }
}
