package cn.hlj.remoteeval.tender.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;

/** The written-explanation adapters pass ids through and keep the deadline's id and due time on the process. */
class ExemptionExplanationDeadlineDelegatesUnitTest {

    private final ExemptionExplanationDeadline explanations = mock(ExemptionExplanationDeadline.class);
    private final Map<String, Object> variables = new HashMap<>(Map.of("tenderId", "t-1"));
    private final DelegateExecution execution = mock(DelegateExecution.class);

    ExemptionExplanationDeadlineDelegatesUnitTest() {
        when(execution.getVariable(Mockito.anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        Mockito.doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(execution)
                .setVariable(Mockito.anyString(), Mockito.any());
    }

    @Test
    void openingKeepsTheDeadlinesIdAndDueTimeAsProcessVariables() throws Exception {
        Instant dueAt = Instant.parse("2026-12-05T16:00:00Z");
        when(explanations.open("t-1")).thenReturn(new DeadlineTicket("d-1", DeadlineKind.EXEMPTION_EXPLANATION,
                DeadlineState.SCHEDULED, LocalDate.of(2026, 12, 5), dueAt, dueAt.minusSeconds(3 * 86_400), null));

        new ExemptionExplanationDeadlineDelegates.Open(explanations).execute(execution);

        assertThat(variables).containsEntry("deadlineId", "d-1").containsEntry("deadlineDueAt", Date.from(dueAt));
    }

    @Test
    void remindingAndCompletingPassTheDeadlineOfThisTender() throws Exception {
        variables.put("deadlineId", "d-2");

        new ExemptionExplanationDeadlineDelegates.Remind(explanations).execute(execution);
        new ExemptionExplanationDeadlineDelegates.Complete(explanations).execute(execution);

        verify(explanations).remind("t-1", "d-2");
        verify(explanations).explanationFiled("d-2");
    }

    @Test
    void theSupervisorsFollowUpIsRecordedWithTheChosenMeasure() {
        DelegateTask task = mock(DelegateTask.class, Mockito.RETURNS_DEEP_STUBS);
        when(task.getAssignee()).thenReturn("supervisor-hrb");
        when(task.getVariable("tenderId")).thenReturn("t-3");
        when(task.getVariable("overdueFollowUpMeasure")).thenReturn("INTERVIEW");

        new ExemptionExplanationDeadlineDelegates.FollowUp(explanations).notify(task);

        verify(explanations).overdueFollowedUp("t-3", "supervisor-hrb", "INTERVIEW");
    }
}
