package cn.hlj.remoteeval.tender.internal;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.scope.Scope;

/** The delegates are thin: they read the tender id, call the tender service once, and set the gateway variable. */
class LifecycleDelegatesUnitTest {

    private final TenderService tenders = mock(TenderService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void recordScopeDecisionHandsTheRuleResultsToTheTenderAndSetsTheScope() throws Exception {
        List<Map<String, Object>> results = List.of(Map.of("scope", "CROSS_PROVINCE", "reason", "GOODS_THRESHOLD"));
        when(execution.getVariable("tenderId")).thenReturn("t-1");
        when(execution.getVariable("scopeDecisionResult")).thenReturn(results);
        when(tenders.decideScope("t-1", results)).thenReturn(Scope.CROSS_PROVINCE);

        new RecordScopeDecisionDelegate(tenders).execute(execution);

        verify(tenders).decideScope(eq("t-1"), eq(results));
        verify(execution).setVariable("scope", "CROSS_PROVINCE");
    }

    @Test
    void assessRolloutAsksTheTenderAndSetsTheRolloutStatus() throws Exception {
        when(execution.getVariable("tenderId")).thenReturn("t-2");
        when(tenders.assessRollout("t-2")).thenReturn(RolloutStatus.NOT_IN_ROLLOUT);

        new AssessRolloutDelegate(tenders).execute(execution);

        verify(execution).setVariable("rollout", "NOT_IN_ROLLOUT");
    }

    @Test
    void acknowledgementRecordsTheSupervisorWhoCompletedTheTask() {
        org.camunda.bpm.engine.delegate.DelegateTask task = mock(org.camunda.bpm.engine.delegate.DelegateTask.class);
        when(task.getVariable("tenderId")).thenReturn("t-3");
        when(task.getAssignee()).thenReturn("supervisor-hrb");

        new AcknowledgeExemptionExplanationListener(tenders).notify(task);

        verify(tenders).acknowledgeExemptionExplanation("t-3", "supervisor-hrb");
    }
}
