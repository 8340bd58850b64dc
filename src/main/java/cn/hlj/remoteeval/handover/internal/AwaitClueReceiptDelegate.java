package cn.hlj.remoteeval.handover.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a partner's clue arrived (message start of 报送违法违规线索): the instance waits on the deadline
 * of its receipt by the main venue, which the clue's recording opened, as a local clue's does.
 */
@Component("awaitClueReceipt")
class AwaitClueReceiptDelegate implements JavaDelegate {

    private final ClueService clues;

    AwaitClueReceiptDelegate(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineWaits.await(execution, clues.receiptDeadline((String) execution.getVariable(HandoverVariables.CLUE_ID)));
    }
}
