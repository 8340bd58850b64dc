package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawVariables;

/**
 * Service task 语音外呼未答复专家, after part of the answer window: one voice call to the seat's
 * invited expert if they still have not answered, by the seat number the process carries.
 */
@Component(DrawVariables.CALL_UNANSWERED_EXPERT_DELEGATE)
class CallUnansweredExpertDelegate implements JavaDelegate {

    private final ExpertDrawService draws;

    CallUnansweredExpertDelegate(ExpertDrawService draws) {
        this.draws = draws;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object seat = execution.getVariable(DrawVariables.SEAT);
        if (!(seat instanceof Number number)) {
            throw new IllegalStateException("the voice call needs the seat number as variable " + DrawVariables.SEAT);
        }
        draws.callIfUnanswered(BusinessKeys.tenderId(execution), number.intValue());
    }
}
