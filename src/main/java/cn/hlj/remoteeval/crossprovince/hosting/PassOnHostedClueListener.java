package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.SealedFormFields;
import cn.hlj.remoteeval.web.TaskInputRefused;

/** Task 向主场移交违法违规线索 of a hosted session, on completion: the clue goes to the partner, its description sealed. */
@Component("passOnHostedClue")
class PassOnHostedClueListener implements TaskListener {

    private final HostedClues clues;

    PassOnHostedClueListener(HostedClues clues) {
        this.clues = clues;
    }

    @Override
    public void notify(DelegateTask task) {
        String description = SealedFormFields.takeText(task, HostedSessionVariables.SEALED_CLUE_DESCRIPTION);
        try {
            clues.passOn(EngineActors.hostingId(task), task.getVariable(HostedSessionVariables.CLUE_CATEGORY),
                    task.getVariable(HostedSessionVariables.CLUE_FOUND_ON), description, EngineActors.completedBy(task));
            // The task comes back for the next one: with an empty form, not the last one's answers.
            task.getExecution().removeVariable(HostedSessionVariables.CLUE_CATEGORY);
            task.getExecution().removeVariable(HostedSessionVariables.CLUE_FOUND_ON);
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
