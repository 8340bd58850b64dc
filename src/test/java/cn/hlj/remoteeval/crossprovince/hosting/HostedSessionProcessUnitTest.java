package cn.hlj.remoteeval.crossprovince.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;

/**
 * Every path of {@code bpmn/hosted-session.bpmn} on the real model with the real listeners and timing,
 * the one service each calls mocked: the wait for the evaluation day, each duty for the session's
 * anonymous group only, the session's start, signing and end in order, incidents and clues again and
 * again, the hand-over under its deadline, the partner's receipt, and the partner's cancellation.
 */
@Deployment(resources = "bpmn/hosted-session.bpmn")
class HostedSessionProcessUnitTest {

    private static final String HOSTING = "h-1";
    private static final String SESSION = "RS-QX7K3M9D";
    private static final String GROUP = "venue-" + SESSION;
    private static final List<String> DAY_ONE = List.of("PrepareWorkstations", "ConnectAudioVideo", "VerifyExpertIdentities",
            "ArrangeMealsAndLodging", "ReportIncident", "PassOnClue");

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private final HostedSessions sessions = mock(HostedSessions.class);
    private final HostedClues clues = mock(HostedClues.class);
    private final HostingHandovers handovers = mock(HostingHandovers.class);
    private final HostedExpertSeats seats = mock(HostedExpertSeats.class);

    @BeforeEach
    void standIn() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("hostedSessionTiming", new HostedSessionTiming("08:30", "13:30", java.time.Duration.ofHours(2)));
        Mocks.register("hostedSessionStaff", new HostedSessionStaffListener());
        Mocks.register("hostedDutyDone", new HostedDutyDoneListener(sessions));
        Mocks.register("openHostedSession", new OpenHostedSessionListener(sessions));
        Mocks.register("signHostedReport", new SignHostedReportListener(sessions));
        Mocks.register("closeHostedSession", new CloseHostedSessionListener(sessions));
        Mocks.register("reportHostedIncident", new ReportHostedIncidentListener(sessions));
        Mocks.register("passOnHostedClue", new PassOnHostedClueListener(clues));
        Mocks.register("handOverHostedMaterial", new HandOverHostedMaterialListener(handovers));
        Mocks.register("hostedHandoverOverdue", new HostedHandoverOverdueDelegate(sessions));
        Mocks.register("hostedHandoverBreached", new HostedHandoverBreachedListener(sessions));
        Mocks.register("recordHostedHandoverSupervision", new RecordHostedHandoverSupervisionListener(sessions));
        Mocks.register("verifyHostedIdentities", new HostedIdentityVerificationListener(seats));
        Mocks.register("reportHostedNoShows", new ReportHostedNoShowsDelegate(seats));
        when(seats.sessionSeats(HOSTING)).thenReturn(List.of(1, 2, 3));
        when(sessions.closed(eq(HOSTING), any(), anyString())).thenReturn(new DeadlineTicket("d-1", DeadlineKind.AV_HANDOVER_TO_MAIN,
                DeadlineState.SCHEDULED, LocalDate.of(2031, 5, 13), Instant.parse("2031-05-13T15:59:59Z"), null, null));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theAcceptedHostingWaitsUntilTwoHoursBeforeItsHalfDayStartsWithNoTaskYet() {
        ProcessInstance hosted = start("PM");

        assertThat(hosted).hasBusinessKey(HOSTING).isWaitingAt("AwaitEvaluationDay");
        assertThat(taskQuery().processInstanceId(hosted.getId()).count()).isZero();
        Job timer = job(hosted);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2031-05-06T11:30:00+08:00").toInstant());
        assertThat(runtimeService().getVariables(hosted.getId())).containsOnlyKeys("hostingId", "sessionCode", "evaluationDate",
                "halfDay");
    }

    @Test
    void onTheDayEveryDutyIncidentAndClueTaskGoesToTheSessionsAnonymousGroupOnly() {
        ProcessInstance hosted = toTheDay();

        assertThat(hosted).isWaitingAt(DAY_ONE.toArray(String[]::new));
        for (String key : DAY_ONE) {
            assertThat(candidateGroups(task(hosted, key))).as(key).containsExactly(GROUP);
        }
        assertThat(runtimeService().getVariables(hosted.getId()).values()).noneMatch(v -> String.valueOf(v).contains("staff-"));
    }

    @Test
    void theSessionOpensOnlyOnceReadyThenIsSignedAndEndsAfterMealsAndTheHandOverWaitsForTheReceipt() {
        ProcessInstance hosted = toTheDay();

        complete(task(hosted, "PrepareWorkstations"), withVariables("workstationsReady", true));
        complete(task(hosted, "ConnectAudioVideo"), withVariables("audioVideoConnected", true));
        assertThat(hosted).hasNotPassed("OpenHostedSession");
        complete(task(hosted, "VerifyExpertIdentities"), withVariables("expertsPresent", 3L, "identitiesVerified", true));
        assertThat(candidateGroups(task(hosted, "OpenHostedSession"))).containsExactly(GROUP);
        complete(task(hosted, "OpenHostedSession"), withVariables("sessionOpened", true));
        complete(task(hosted, "SignReport"), withVariables("reportSigned", true));
        assertThat(hosted).hasNotPassed("CloseHostedSession").isWaitingAt("ArrangeMealsAndLodging", "ReportIncident", "PassOnClue");
        complete(task(hosted, "ArrangeMealsAndLodging"), withVariables("mealsAndLodgingArranged", true));
        complete(task(hosted, "CloseHostedSession"), withVariables("sessionClosed", true));

        assertThat(hosted).hasPassed("DayDone").isWaitingAt("HandOverMaterial", "PassOnClue");
        assertThat(runtimeService().getVariable(hosted.getId(), "deadlineId")).isEqualTo("d-1");
        assertThat(candidateGroups(task(hosted, "HandOverMaterial"))).containsExactly(GROUP);
        InOrder order = inOrder(sessions);
        order.verify(sessions).opened(eq(HOSTING), eq(true), anyString());
        order.verify(sessions).reportSigned(eq(HOSTING), eq(true), anyString());
        order.verify(sessions).closed(eq(HOSTING), eq(true), anyString());

        when(handovers.handOverAsTask(eq(HOSTING), any(), anyString())).thenReturn(view(null));
        complete(task(hosted, "HandOverMaterial"), withVariables("medium", "ONLINE", "handedOverAt", "2031-05-07T10:00+08:00",
                "sealedItems", "录像01.mp4," + "a".repeat(64)));
        assertThat(hosted).isWaitingAt("AwaitReceipt", "PassOnClue");
        assertThat(runtimeService().getVariables(hosted.getId())).doesNotContainKey("sealedItems");
        verify(handovers).handOverAsTask(eq(HOSTING), eq(new HostingHandovers.HandoverRequest("ONLINE", "2031-05-07T10:00+08:00",
                List.of(new HostingHandovers.Item("录像01.mp4", "a".repeat(64))))), anyString());

        runtimeService().createMessageCorrelation("HostedMaterialReceipted").processInstanceBusinessKey(HOSTING).correlateAll();
        assertThat(hosted).isEnded().hasPassed("HostedSessionDone");
        assertThat(taskQuery().processInstanceId(hosted.getId()).count()).isZero();
    }

    @Test
    void aReceiptThatCameBeforeTheTaskEndsTheHostingAtOnce() {
        ProcessInstance hosted = toTheHandOver();
        when(handovers.handOverAsTask(eq(HOSTING), any(), anyString())).thenReturn(view(Instant.parse("2031-05-07T03:00:00Z")));

        complete(task(hosted, "HandOverMaterial"), withVariables("medium", "DISC", "handedOverAt", "2031-05-07T10:00+08:00",
                "sealedItems", "a.mp4," + "b".repeat(64)));

        assertThat(hosted).isEnded().hasPassed("HostedSessionDone").hasNotPassed("AwaitReceipt");
    }

    @Test
    void theHandOversDeadlineReminderIsRecordedOnlyWhileTheTaskStays() {
        ProcessInstance hosted = toTheHandOver();

        runtimeService().createMessageCorrelation("DeadlineReminder").processInstanceVariableEquals("deadlineId", "d-1").correlateAll();

        assertThat(hosted).hasPassed("RemindHandover").isWaitingAt("HandOverMaterial", "PassOnClue");
        verify(sessions).handoverOverdue(HOSTING, false);
        assertThat(taskQuery().processInstanceId(hosted.getId()).count()).isEqualTo(2);
    }

    @Test
    void aBreachedHandOverOpensTheProvincialSupervisorsEscalationWhileTheHandOverTaskStays() {
        ProcessInstance hosted = toTheHandOver();

        runtimeService().createMessageCorrelation("DeadlineBreached").processInstanceVariableEquals("deadlineId", "d-1").correlateAll();

        assertThat(hosted).isWaitingAt("HandOverMaterial", "PassOnClue", "EscalateOverdueHandover");
        Task escalation = task(hosted, "EscalateOverdueHandover");
        assertThat(candidateGroups(escalation)).containsExactly("supervisor-PROV");
        assertThat(escalation.getName()).contains("逾期移交督办");
        verify(sessions).handoverOverdue(HOSTING, true);
        assertThat(runtimeService().getVariables(hosted.getId()).values())
                .noneMatch(v -> String.valueOf(v).matches("PROV|HRB|QQHR|staff-.*"));

        complete(escalation, withVariables("supervisionAction", "URGED", "sealedSupervisionNote", "已电话督促承接中心"));

        verify(sessions).handoverSupervised(eq(HOSTING), eq("URGED"), eq("已电话督促承接中心"), anyString());
        assertThat(hosted).hasPassed("Supervised").isWaitingAt("HandOverMaterial", "PassOnClue");
        assertThat(runtimeService().getVariables(hosted.getId())).doesNotContainKeys("sealedSupervisionNote");
    }

    @Test
    void theEscalationClosesWithTheHostingOnThePartnersReceipt() {
        ProcessInstance hosted = toTheHandOver();
        runtimeService().createMessageCorrelation("DeadlineBreached").processInstanceVariableEquals("deadlineId", "d-1").correlateAll();
        when(handovers.handOverAsTask(eq(HOSTING), any(), anyString())).thenReturn(view(null));
        complete(task(hosted, "HandOverMaterial"), withVariables("medium", "ONLINE", "handedOverAt", "2031-05-12T10:00+08:00",
                "sealedItems", "a.mp4," + "c".repeat(64)));

        runtimeService().createMessageCorrelation("HostedMaterialReceipted").processInstanceBusinessKey(HOSTING).correlateAll();

        assertThat(hosted).isEnded().hasPassed("HostedSessionDone").hasNotPassed("Supervised");
        assertThat(taskQuery().processInstanceId(hosted.getId()).count()).isZero();
    }

    @Test
    void theIdentityFormIsGivenTheSessionsSeatNumbersOnly() {
        ProcessInstance hosted = toTheDay();

        Task verify = task(hosted, "VerifyExpertIdentities");
        assertThat(BpmnAwareTests.taskService().getVariableLocal(verify.getId(), "sessionSeats")).isEqualTo("1,2,3");
        assertThat(candidateGroups(verify)).containsExactly(GROUP);
    }

    @Test
    void withoutANoShowTheVerificationPassesOnToTheSessionsStart() {
        ProcessInstance hosted = toTheDay();

        complete(task(hosted, "VerifyExpertIdentities"), withVariables("expertsPresent", 3L, "noShowSeats", "",
                "identitiesVerified", true));

        assertThat(hosted).hasPassed("NoShowsFound").hasNotPassed("ReportNoShows");
        verify(seats).checkVerification(eq(HOSTING), eq(3L), eq(List.of()), eq(true), anyString());
        verify(seats, never()).noShows(anyString(), any(), anyString());
        complete(task(hosted, "PrepareWorkstations"), withVariables("workstationsReady", true));
        complete(task(hosted, "ConnectAudioVideo"), withVariables("audioVideoConnected", true));
        assertThat(hosted).isWaitingAt("OpenHostedSession", "ArrangeMealsAndLodging", "ReportIncident", "PassOnClue");
    }

    @Test
    void noShowsAreDrawnAgainAndTheVerificationComesBackForTheReplacementsBeforeTheSessionMayStart() {
        ProcessInstance hosted = toTheDay();
        complete(task(hosted, "PrepareWorkstations"), withVariables("workstationsReady", true));
        complete(task(hosted, "ConnectAudioVideo"), withVariables("audioVideoConnected", true));

        complete(task(hosted, "VerifyExpertIdentities"), withVariables("expertsPresent", 1L, "noShowSeats", "3，2",
                "identitiesVerified", false));

        assertThat(hosted).hasPassed("ReportNoShows").isWaitingAt("VerifyExpertIdentities").hasNotPassed("OpenHostedSession");
        verify(seats).checkVerification(eq(HOSTING), eq(1L), eq(List.of(2, 3)), eq(false), anyString());
        verify(seats).noShows(eq(HOSTING), eq(List.of(2, 3)), anyString());
        assertThat(runtimeService().getVariable(hosted.getId(), "noShowSeats")).isEqualTo("");
        assertThat(runtimeService().getVariable(hosted.getId(), "noShowsFound")).isEqualTo(false);

        complete(task(hosted, "VerifyExpertIdentities"), withVariables("expertsPresent", 3L, "noShowSeats", "",
                "identitiesVerified", true));
        assertThat(hosted).isWaitingAt("OpenHostedSession", "ArrangeMealsAndLodging", "ReportIncident", "PassOnClue");
        verify(seats).noShows(anyString(), any(), anyString());
    }

    @Test
    void aRefusedIdentityEntryKeepsTheVerificationOpenAndDrawsNoOne() {
        ProcessInstance hosted = toTheDay();
        org.mockito.Mockito.doThrow(new IllegalArgumentException("未到场专家席位号不属于本场次：9")).when(seats)
                .checkVerification(eq(HOSTING), any(), eq(List.of(9)), org.mockito.ArgumentMatchers.anyBoolean(), anyString());

        assertThatThrownBy(() -> complete(task(hosted, "VerifyExpertIdentities"), withVariables("expertsPresent", 2L,
                "noShowSeats", "9", "identitiesVerified", false))).hasMessageContaining("不属于本场次");

        assertThat(hosted).isWaitingAt(DAY_ONE.toArray(String[]::new));
        verify(seats, never()).noShows(anyString(), any(), anyString());
    }

    @Test
    void aRefusedStepKeepsItsTaskOpen() {
        ProcessInstance hosted = toTheDay();
        when(sessions.incident(eq(HOSTING), any(), any(), any(), anyString())).thenThrow(new IllegalArgumentException("请选择突发情况类型"));

        assertThatThrownBy(() -> complete(task(hosted, "ReportIncident"), withVariables("sealedIncidentDescription", "停电")))
                .hasMessageContaining("请选择突发情况类型");
        assertThat(hosted).isWaitingAt(DAY_ONE.toArray(String[]::new));
    }

    @Test
    void incidentsAreHandledHereAgainAndAgainWithTheDescriptionOutOfTheEngine() {
        ProcessInstance hosted = toTheDay();

        complete(task(hosted, "ReportIncident"), withVariables("incidentKind", "EQUIPMENT_FAILURE", "incidentResolved", true,
                "sealedIncidentDescription", "3号工位显示器故障，已更换"));
        assertThat(hosted).isWaitingAt(DAY_ONE.toArray(String[]::new));
        complete(task(hosted, "ReportIncident"), withVariables("incidentKind", "EXPERT_UNWELL", "sealedIncidentDescription", "x"));

        verify(sessions).incident(eq(HOSTING), eq("EQUIPMENT_FAILURE"), eq(true), eq("3号工位显示器故障，已更换"), anyString());
        verify(sessions).incident(eq(HOSTING), eq("EXPERT_UNWELL"), eq(null), eq("x"), anyString());
        assertThat(runtimeService().getVariables(hosted.getId())).doesNotContainKeys("sealedIncidentDescription", "incidentKind");
        assertThat(candidateGroups(task(hosted, "ReportIncident"))).containsExactly(GROUP);
    }

    @Test
    void aClueIsPassedOnFromTheDayOnAgainAndAgainWithTheDescriptionOutOfTheEngine() {
        ProcessInstance hosted = toTheHandOver();

        complete(task(hosted, "PassOnClue"), withVariables("category", "FRAUD", "foundOn", "2031-05-06",
                "sealedClueDescription", "投标文件雷同"));

        verify(clues).passOn(eq(HOSTING), eq("FRAUD"), eq("2031-05-06"), eq("投标文件雷同"), anyString());
        assertThat(hosted).isWaitingAt("HandOverMaterial", "PassOnClue");
        assertThat(runtimeService().getVariables(hosted.getId())).doesNotContainKeys("sealedClueDescription", "category",
                "foundOn");
        assertThat(candidateGroups(task(hosted, "PassOnClue"))).containsExactly(GROUP);
    }

    @Test
    void thePartnersCancellationEndsTheHostingBeforeTheDay() {
        ProcessInstance hosted = start("AM");

        runtimeService().createMessageCorrelation("HostingCancelled").processInstanceBusinessKey(HOSTING).correlateAll();

        assertThat(hosted).isEnded().hasPassed("CancelledEnd").hasNotPassed("ForkDay");
    }

    @Test
    void thePartnersCancellationEndsEveryTaskOfTheDay() {
        ProcessInstance hosted = toTheDay();

        runtimeService().createMessageCorrelation("HostingCancelled").processInstanceBusinessKey(HOSTING).correlateAll();

        assertThat(hosted).isEnded().hasPassed("CancelledEnd");
        assertThat(taskQuery().processInstanceId(hosted.getId()).count()).isZero();
        verify(sessions, never()).opened(anyString(), any(), anyString());
    }

    private static ProcessInstance start(String halfDay) {
        return runtimeService().startProcessInstanceByKey("hosted-session", HOSTING, Variables.createVariables()
                .putValue("hostingId", HOSTING).putValue("sessionCode", SESSION).putValue("evaluationDate", "2031-05-06")
                .putValue("halfDay", halfDay));
    }

    private static ProcessInstance toTheDay() {
        ProcessInstance hosted = start("AM");
        execute(job(hosted));
        return hosted;
    }

    private static ProcessInstance toTheHandOver() {
        ProcessInstance hosted = toTheDay();
        complete(task(hosted, "PrepareWorkstations"), withVariables("workstationsReady", true));
        complete(task(hosted, "ConnectAudioVideo"), withVariables("audioVideoConnected", true));
        complete(task(hosted, "VerifyExpertIdentities"), withVariables("expertsPresent", 3L, "identitiesVerified", true));
        complete(task(hosted, "ArrangeMealsAndLodging"), withVariables("mealsAndLodgingArranged", true));
        complete(task(hosted, "OpenHostedSession"), withVariables("sessionOpened", true));
        complete(task(hosted, "SignReport"), withVariables("reportSigned", true));
        complete(task(hosted, "CloseHostedSession"), withVariables("sessionClosed", true));
        assertThat(hosted).isWaitingAt("HandOverMaterial", "PassOnClue");
        return hosted;
    }

    private static HostingHandovers.HandoverView view(Instant receiptedAt) {
        return new HostingHandovers.HandoverView(HOSTING, "ONLINE", Instant.parse("2031-05-07T02:00:00Z"), 1, "staff-hrb",
                receiptedAt, receiptedAt == null ? null : 1);
    }

    private static Task task(ProcessInstance hosted, String key) {
        return taskQuery().processInstanceId(hosted.getId()).taskDefinitionKey(key).singleResult();
    }

    private static List<String> candidateGroups(Task task) {
        return BpmnAwareTests.taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }
}
