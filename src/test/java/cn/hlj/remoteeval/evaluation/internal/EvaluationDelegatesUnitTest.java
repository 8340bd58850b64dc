package cn.hlj.remoteeval.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import cn.hlj.remoteeval.venue.SeatBookings;

/** The delegates and listeners are thin: they read the tender from the business key, call the service once, set the gateway's variable. */
class EvaluationDelegatesUnitTest {

    private final EvaluationDayService days = mock(EvaluationDayService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class, Answers.RETURNS_DEEP_STUBS);
    private final DelegateTask task = mock(DelegateTask.class, Answers.RETURNS_DEEP_STUBS);

    @Test
    void prepareSetsTheSessionCodesOnly() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-1");
        when(execution.getVariable("mainCenter")).thenReturn("HRB");
        when(days.start("t-1", "HRB")).thenReturn(List.of("RS-AAAAAAAA", "RS-BBBBBBBB"));

        new PrepareEvaluationDayDelegate(days).execute(execution);

        verify(execution).setVariable("venueSessions", List.of("RS-AAAAAAAA", "RS-BBBBBBBB"));
        verify(execution).setVariable("partnerSessions", List.of());
    }

    @Test
    void prepareSetsThePartnerSessionsReferencesOfAnExchangePlan() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-1");
        when(execution.getVariable("mainCenter")).thenReturn("HRB");
        when(days.partnerSessions("t-1")).thenReturn(List.of("JS-REF-1"));

        new PrepareEvaluationDayDelegate(days).execute(execution);

        verify(execution).setVariable("partnerSessions", List.of("JS-REF-1"));
    }

    @Test
    void thePartnerSessionCheckKeepsItsAnswerLocalToTheSessionsInstance() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-1");
        when(execution.getVariable("partnerSessionRef")).thenReturn("JS-REF-1");
        when(days.partnerSessionSigned("t-1", "JS-REF-1")).thenReturn(true);

        new CheckPartnerSessionSignedDelegate(days).execute(execution);

        verify(execution).setVariableLocal("partnerSessionSigned", true);
        verify(execution, never()).setVariable(eq("partnerSessionSigned"), any());
    }

    @Test
    void endSetsEvaluationEndedOnlyWhenEverySeatSigned() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-2");
        when(days.endIfSigned("t-2")).thenReturn(new EvaluationDayService.EndOutcome(false, List.of(3, 4)));

        new EndEvaluationDelegate(days).execute(execution);

        verify(execution).setVariable("allSigned", false);
        verify(execution).setVariable("missingSignatureSeats", "3,4");
        verify(execution, never()).setVariable(eq("evaluationEnded"), any());

        when(days.endIfSigned("t-2")).thenReturn(new EvaluationDayService.EndOutcome(true, List.of()));
        new EndEvaluationDelegate(days).execute(execution);
        verify(execution).setVariable("evaluationEnded", true);
    }

    @Test
    void reportNoShowsHandsTheSeatsToTheServiceAndClearsThem() throws Exception {
        when(execution.getProcessBusinessKey()).thenReturn("t-3");
        when(execution.getVariable("sessionCode")).thenReturn("RS-AAAAAAAA");
        when(execution.getVariable("noShowSeats")).thenReturn("5, 2");
        when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()).thenReturn(null);

        new ReportNoShowsDelegate(days).execute(execution);

        verify(days).reportNoShows("t-3", "RS-AAAAAAAA", List.of(2, 5), "system");
        verify(execution).setVariable("noShowSeats", "");
        verify(execution).setVariable("noShowsFound", false);
    }

    @Test
    void venueStaffIsTheSessionsAnonymousGroupNeverTheHostingCenter() {
        SeatBookings bookings = mock(SeatBookings.class);
        when(bookings.centerOfSession("RS-AAAAAAAA")).thenReturn(Optional.of("QQHR"));
        when(task.getVariable("sessionCode")).thenReturn("RS-AAAAAAAA");

        new VenueStaffListener(bookings).notify(task);

        verify(task).addCandidateGroup("venue-RS-AAAAAAAA");
        verify(task, never()).addCandidateGroup("staff-QQHR");
        verify(task, never()).setVariable(anyString(), any());
    }

    @Test
    void anUnknownSessionGetsNoGroupAndFails() {
        SeatBookings bookings = mock(SeatBookings.class);
        when(bookings.centerOfSession("RS-ZZZZZZZZ")).thenReturn(Optional.empty());
        when(task.getVariable("sessionCode")).thenReturn("RS-ZZZZZZZZ");

        assertThatThrownBy(() -> new VenueStaffListener(bookings).notify(task)).isInstanceOf(IllegalStateException.class);
        verify(task, never()).addCandidateGroup(anyString());
    }

    @Test
    void verificationSetsTheGatewayAndRefusesForeignSeatsInChinese() {
        when(task.getExecution().getProcessBusinessKey()).thenReturn("t-4");
        when(task.getVariable("sessionCode")).thenReturn("RS-AAAAAAAA");
        when(task.getVariable("noShowSeats")).thenReturn("2，5");
        when(task.getVariable("identitiesVerified")).thenReturn(true);
        when(task.getVariable("expertsPresent")).thenReturn(3L);

        new VerifyIdentitiesListener(days).notify(task);

        verify(days).checkVerification("t-4", "RS-AAAAAAAA", 3L, List.of(2, 5), true);
        verify(task.getExecution()).setVariable("noShowsFound", true);
        verify(task.getExecution()).setVariable("noShowSeats", "2,5");

        when(task.getVariable("noShowSeats")).thenReturn("two");
        assertThatThrownBy(() -> new VerifyIdentitiesListener(days).notify(task))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("席位号");
    }

    @Test
    void theCountOfExpertsPresentIsTakenAsAWholeNumberOrNotAtAll() {
        assertThat(VerifyIdentitiesListener.wholeNumber(3L)).isEqualTo(3L);
        assertThat(VerifyIdentitiesListener.wholeNumber(3)).isEqualTo(3L);
        assertThat(VerifyIdentitiesListener.wholeNumber(3.0d)).isEqualTo(3L);
        assertThat(VerifyIdentitiesListener.wholeNumber(" 4 ")).isEqualTo(4L);
        assertThat(VerifyIdentitiesListener.wholeNumber(2.5d)).isNull();
        assertThat(VerifyIdentitiesListener.wholeNumber("三")).isNull();
        assertThat(VerifyIdentitiesListener.wholeNumber(null)).isNull();
    }

    @Test
    void openSessionRecordsTheSupervisorAndTheStartTime() {
        when(task.getExecution().getProcessBusinessKey()).thenReturn("t-5");
        when(task.getAssignee()).thenReturn("staff-hrb");
        when(task.getVariable("supervisorOnSite")).thenReturn(true);
        when(task.getVariable("sessionStartedAt")).thenReturn("2031-05-06T09:00+08:00");

        new OpenSessionListener(days).notify(task);

        verify(days).openSession("t-5", true, Instant.parse("2031-05-06T01:00:00Z"), "staff-hrb");
        assertThat(OpenSessionListener.instant("2031-05-06T09:00")).isEqualTo(Instant.parse("2031-05-06T01:00:00Z"));
    }

    @Test
    void reportIncidentTakesTheSealedDescriptionOutOfTheEngine() {
        when(task.getExecution().getProcessBusinessKey()).thenReturn("t-6");
        when(task.getAssignee()).thenReturn("staff-qqhr");
        when(task.getVariable("sessionCode")).thenReturn("RS-AAAAAAAA");
        when(task.getVariable("incidentKind")).thenReturn("EQUIPMENT_FAILURE");
        when(task.getVariable("sealedIncidentDescription")).thenReturn("  3号工位显示器黑屏  ");

        new ReportIncidentListener(days).notify(task);

        verify(task).removeVariable("sealedIncidentDescription");
        verify(days).raiseIncident("t-6", "RS-AAAAAAAA", "EQUIPMENT_FAILURE", "3号工位显示器黑屏", "staff-qqhr");
    }

    @Test
    void handleIncidentRecordsTheMeasureAndTheSealedNote() {
        when(task.getExecution().getProcessBusinessKey()).thenReturn("t-7");
        when(task.getAssignee()).thenReturn("supervisor-hrb");
        when(task.getVariable("incidentId")).thenReturn("i-1");
        when(task.getVariable("incidentMeasure")).thenReturn("SWITCH_TO_BACKUP");
        when(task.getVariable("incidentResolved")).thenReturn(true);
        when(task.getVariable("sealedHandlingNote")).thenReturn("已启用备用线路");

        new HandleIncidentListener(days).notify(task);

        verify(task).removeVariable("sealedHandlingNote");
        verify(days).handleIncident("t-7", "i-1", "SWITCH_TO_BACKUP", true, "已启用备用线路", "supervisor-hrb");
    }

    @Test
    void signingNeedsTheConfirmation() {
        when(task.getVariable("reportSigned")).thenReturn(false);

        assertThatThrownBy(() -> new SignReportListener(days).notify(task)).isInstanceOf(ProcessEngineException.class);

        when(task.getExecution().getProcessBusinessKey()).thenReturn("t-8");
        when(task.getAssignee()).thenReturn("staff-qqhr");
        when(task.getVariable("reportSigned")).thenReturn(true);
        when(task.getVariable("sessionCode")).thenReturn("RS-AAAAAAAA");
        new SignReportListener(days).notify(task);
        verify(days).signReport("t-8", "RS-AAAAAAAA", "staff-qqhr");
    }

    @Test
    void theStandInSignatureIsDeterministicPerDocumentSeatExpertAndTime() {
        LocalElectronicSignatures signatures = new LocalElectronicSignatures();
        Instant at = Instant.parse("2031-05-06T03:00:00.123456Z");

        String receipt = signatures.sign("evaluation-report:t-9", 3, "e-1", at);

        assertThat(receipt).startsWith("LOCAL-").hasSize(46).isEqualTo(signatures.sign("evaluation-report:t-9", 3, "e-1", at));
        assertThat(signatures.sign("evaluation-report:t-9", 4, "e-1", at)).isNotEqualTo(receipt);
        assertThat(signatures.sign("evaluation-report:t-9", 3, "e-2", at)).isNotEqualTo(receipt);
    }

    @Test
    void seatNumbersAreParsedSortedAndDistinct() {
        assertThat(SeatNumbers.parse(" 5,2，2 ")).containsExactly(2, 5);
        assertThat(SeatNumbers.parse("")).isEmpty();
        assertThat(SeatNumbers.parse(null)).isEmpty();
        assertThatThrownBy(() -> SeatNumbers.parse("2;5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatNumbers.parse("0")).isInstanceOf(IllegalArgumentException.class);
    }
}
