package cn.hlj.remoteeval.deadline.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

class DeadlineDueDatesUnitTest {

    private final DelegateTask task = mock(DelegateTask.class);

    @Test
    void aTaskOfAnInstanceWaitingOnADeadlineIsDueWhenTheDeadlineIs() {
        Date due = new Date(1_800_000_000_000L);
        when(task.getVariable("deadlineDueAt")).thenReturn(due);

        new DeadlineDueDates().taskCreated(task);

        verify(task).setDueDate(due);
    }

    @Test
    void aTaskWithoutADeadlineOrWithADueDateOfItsOwnIsLeftAlone() {
        new DeadlineDueDates().taskCreated(task);
        when(task.getVariable("deadlineDueAt")).thenReturn(new Date());
        when(task.getDueDate()).thenReturn(new Date(0));
        new DeadlineDueDates().taskCreated(task);

        verify(task, never()).setDueDate(any());
    }
}
