package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task 期限提醒 of a clue: records the reminder and raises the open task. */
@Component("clueReminder")
class ClueReminderDelegate implements JavaDelegate {

    private final ClueService clues;

    ClueReminderDelegate(ClueService clues) {
        this.clues = clues;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clues.reminded((String) execution.getVariable(CLUE_ID));
        TaskPriorities.raise(execution);
    }
}
