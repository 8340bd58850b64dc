package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.DrawVariables;

/**
 * Service task 补抽本省专家并发送短信 of a hosted seat's confirmation: the supplementary draw for the seat
 * whose number the process carries, of the hosting whose id is the business key. Sets only whether a new
 * expert was invited.
 */
@Component(HostedSeatConfirmations.REPLACE_DELEGATE)
class ReplaceHostedExpertDelegate implements JavaDelegate {

    private final HostedExpertDrawService draws;

    ReplaceHostedExpertDelegate(HostedExpertDrawService draws) {
        this.draws = draws;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DrawVariables.REPLACEMENT_DRAWN, draws.replace(hostingId(execution), seat(execution)));
    }

    static String hostingId(DelegateExecution execution) {
        String hostingId = execution.getProcessBusinessKey();
        if (hostingId == null || hostingId.isBlank()) {
            throw new IllegalStateException("a hosted seat's confirmation needs the hosting id as the business key");
        }
        return hostingId;
    }

    static int seat(DelegateExecution execution) {
        if (!(execution.getVariable(DrawVariables.SEAT) instanceof Number number)) {
            throw new IllegalStateException("a hosted seat's confirmation needs the seat number as variable "
                    + DrawVariables.SEAT);
        }
        return number.intValue();
    }
}
