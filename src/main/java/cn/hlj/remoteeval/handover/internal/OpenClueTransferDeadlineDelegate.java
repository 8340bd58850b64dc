package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 开始计算移送期限: opens the transfer deadline and makes it the one the instance
 * waits on, replacing the receipt deadline's id (the deadline module correlates by that variable).
 */
@Component("openClueTransferDeadline")
class OpenClueTransferDeadlineDelegate implements JavaDelegate {

    private final ClueService clues;

    OpenClueTransferDeadlineDelegate(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineWaits.await(execution, clues.openTransferDeadline((String) execution.getVariable(CLUE_ID)));
    }
}
