package cn.hlj.remoteeval.tender.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.web.ApiProblemException;

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
        DelegateTask task = mock(DelegateTask.class);
        when(task.getVariable("tenderId")).thenReturn("t-3");
        when(task.getAssignee()).thenReturn("supervisor-hrb");

        new AcknowledgeExemptionExplanationListener(tenders).notify(task);

        verify(tenders).acknowledgeExemptionExplanation("t-3", "supervisor-hrb");
    }

    @Test
    void negotiationDecisionRecordsApprovalByTheSupervisor() {
        DelegateTask task = task("t-4", "supervisor-hrb");
        when(task.getVariable("venueNegotiationDecision")).thenReturn("APPROVE");

        new DecideVenueNegotiationListener(tenders).notify(task);

        verify(tenders).decideVenueNegotiation("t-4", true, "supervisor-hrb");
    }

    @Test
    void negotiationDecisionRecordsRefusal() {
        DelegateTask task = task("t-5", "supervisor-hrb");
        when(task.getVariable("venueNegotiationDecision")).thenReturn("REFUSE");

        new DecideVenueNegotiationListener(tenders).notify(task);

        verify(tenders).decideVenueNegotiation("t-5", false, "supervisor-hrb");
    }

    @Test
    void negotiationDecisionWithoutAnAnswerKeepsTheTaskOpen() {
        DelegateTask task = task("t-6", "supervisor-hrb");
        when(task.getVariable("venueNegotiationDecision")).thenReturn(null);

        assertThatThrownBy(() -> new DecideVenueNegotiationListener(tenders).notify(task))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("是否同意");
        verifyNoInteractions(tenders);
    }

    @Test
    void slotRevisionMovesTheEvaluationToTheFormsSlot() {
        DelegateTask task = task("t-7", "staff-hrb");
        when(task.getVariable("evaluationDate")).thenReturn("2031-05-06");
        when(task.getVariable("halfDay")).thenReturn("PM");

        new ReviseEvaluationSlotListener(tenders).notify(task);

        verify(tenders).moveEvaluation("t-7", new Slot(LocalDate.of(2031, 5, 6), HalfDay.PM), "staff-hrb");
    }

    @Test
    void slotRevisionWithAMalformedDateKeepsTheTaskOpen() {
        DelegateTask task = task("t-8", "staff-hrb");
        when(task.getVariable("evaluationDate")).thenReturn("next tuesday");
        when(task.getVariable("halfDay")).thenReturn("PM");

        assertThatThrownBy(() -> new ReviseEvaluationSlotListener(tenders).notify(task))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("评标日期");
        verifyNoInteractions(tenders);
    }

    @Test
    void slotRevisionRefusedByTheTenderShowsTheReasonInTasklist() {
        DelegateTask task = task("t-9", "staff-hrb");
        when(task.getVariable("evaluationDate")).thenReturn("2020-01-02");
        when(task.getVariable("halfDay")).thenReturn("AM");
        when(tenders.moveEvaluation(eq("t-9"), eq(new Slot(LocalDate.of(2020, 1, 2), HalfDay.AM)), eq("staff-hrb")))
                .thenThrow(ApiProblemException.invalid("evaluationDate", "评标日期不能早于今天"));

        assertThatThrownBy(() -> new ReviseEvaluationSlotListener(tenders).notify(task))
                .isInstanceOf(ProcessEngineException.class).hasMessage("评标日期不能早于今天");
    }

    private static DelegateTask task(String tenderId, String assignee) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getVariable("tenderId")).thenReturn(tenderId);
        when(task.getAssignee()).thenReturn(assignee);
        return task;
    }
}
