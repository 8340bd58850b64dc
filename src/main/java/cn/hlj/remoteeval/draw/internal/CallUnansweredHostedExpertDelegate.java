package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task 语音外呼未答复专家 of a hosted seat's confirmation: one voice call if the expert has still not answered. */
@Component(HostedSeatConfirmations.CALL_DELEGATE)
class CallUnansweredHostedExpertDelegate implements JavaDelegate {

    private final HostedExpertDrawService draws;

    CallUnansweredHostedExpertDelegate(HostedExpertDrawService draws) {
        this.draws = draws;
    }

    @Override
    public void execute(DelegateExecution execution) {
        draws.callIfUnanswered(ReplaceHostedExpertDelegate.hostingId(execution), ReplaceHostedExpertDelegate.seat(execution));
    }
}
