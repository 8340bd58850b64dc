package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.web.TaskInputRefused;

/** The supervisor's commitment task completes through the page only: Tasklist's own completion is refused without it. */
class RequireSupervisorEntropyListenerUnitTest {

    private final SupervisorEntropyService entropy = mock(SupervisorEntropyService.class);
    private final DelegateTask task = mock(DelegateTask.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void completingTheTaskWithoutACommitmentIsRefusedWithTheWayToThePage() {
        at("CommitExpertDrawEntropy");
        when(entropy.committed("t-1", DrawKind.EXPERT)).thenReturn(false);

        assertThatThrownBy(() -> new RequireSupervisorEntropyListener(entropy).notify(task)).isInstanceOf(TaskInputRefused.class)
                .hasMessageContaining("监督随机数");
    }

    @Test
    void theTaskCompletesOnceTheDrawOfItsKindHasACommitment() {
        at("CommitVenueDrawEntropy");
        when(entropy.committed("t-1", DrawKind.VENUE)).thenReturn(true);

        assertThatCode(() -> new RequireSupervisorEntropyListener(entropy).notify(task)).doesNotThrowAnyException();
    }

    private void at(String taskDefinitionKey) {
        when(task.getTaskDefinitionKey()).thenReturn(taskDefinitionKey);
        when(task.getExecution()).thenReturn(execution);
        when(execution.getProcessBusinessKey()).thenReturn("t-1");
    }
}
