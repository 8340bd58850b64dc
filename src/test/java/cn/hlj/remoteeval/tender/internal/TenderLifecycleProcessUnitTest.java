package cn.hlj.remoteeval.tender.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every gateway branch of {@code bpmn/tender-lifecycle.bpmn}, on the real model with the real
 * scope DMN; the service-task delegates and task listeners are stood in for by setting their gateway variable or
 * noting the call.
 */
@Deployment(resources = { "bpmn/tender-lifecycle.bpmn", "bpmn/expert-seat-confirmation.bpmn", "bpmn/scope-decision.dmn",
        "forms/venue-negotiation-confirmation.form", "forms/negotiated-venues-entry.form", "forms/evaluation-slot-revision.form",
        "forms/exemption-explanation-acknowledgement.form", "forms/expert-shortage-resolution.form",
        "forms/national-expert-draw-record.form", "forms/exemption-explanation-overdue.form",
        "forms/partner-expert-shortage-resolution.form", "forms/supervisor-draw-entropy.form",
        "processes/stub-evaluation-day.bpmn", "processes/stub-av-handover.bpmn" })
class TenderLifecycleProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private String scopeFromDelegate;
    private String rolloutFromDelegate;
    private Object acknowledgedFor;
    private final java.util.Deque<Boolean> venuesDrawnByDelegate = new java.util.ArrayDeque<>();
    private int drawsRun;
    private final List<Object> negotiationDecisions = new java.util.ArrayList<>();
    private final List<Object> negotiatedVenuesChecked = new java.util.ArrayList<>();
    private final List<Object> slotsRevised = new java.util.ArrayList<>();
    private final java.util.Deque<Boolean> expertsDrawnByDelegate = new java.util.ArrayDeque<>();
    private final java.util.Deque<Boolean> replacementsByDelegate = new java.util.ArrayDeque<>();
    private final List<Object> replacedSeats = new java.util.ArrayList<>();
    private final List<Object> nationalDrawsRecorded = new java.util.ArrayList<>();
    private int expertDrawsRun;
    private int seatsDrawnHere = 3;
    private final List<Object> partnerDrawsRequested = new java.util.ArrayList<>();
    private final List<Object> explanationDeadlinesCompleted = new java.util.ArrayList<>();
    private final List<Object> explanationReminders = new java.util.ArrayList<>();
    private final List<Object> overdueFollowUps = new java.util.ArrayList<>();
    private final List<String> stagesRecorded = new java.util.ArrayList<>();

    /** Stands in for the timing bean: the draw is due at once in these tests. */
    public static class DueNow {
        public java.util.Date drawAt(String evaluationDate, String halfDay) {
            return new java.util.Date(0);
        }
    }

    /** Stands in for the policy bean: the supervisors of the listed centers commit a value before each draw. */
    public static class AttendingCenters {
        final java.util.Set<String> centers = new java.util.HashSet<>();

        public boolean supervisorAttends(String mainCenter) {
            return centers.contains(mainCenter);
        }
    }

    private final AttendingCenters attending = new AttendingCenters();
    private final List<Object> supervisorCommitmentsChecked = new java.util.ArrayList<>();

    @BeforeEach
    void standInForDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("drawEntropyPolicy", attending);
        Mocks.register("requireSupervisorEntropy", (TaskListener) task -> supervisorCommitmentsChecked.add(task.getTaskDefinitionKey()));
        Mocks.register("recordScopeDecision", (JavaDelegate) execution -> execution.setVariable("scope", scopeFromDelegate));
        Mocks.register("assessRollout", (JavaDelegate) execution -> execution.setVariable("rollout", rolloutFromDelegate));
        Mocks.register("acknowledgeExemptionExplanation", (TaskListener) task -> acknowledgedFor = task.getVariable("tenderId"));
        Mocks.register("drawVenues", (JavaDelegate) execution -> {
            drawsRun++;
            execution.setVariable("venuesDrawn", venuesDrawnByDelegate.removeFirst());
        });
        Mocks.register("decideVenueNegotiation", (TaskListener) task -> negotiationDecisions.add(task.getVariable("tenderId")));
        Mocks.register("requireNegotiatedVenues", (TaskListener) task -> negotiatedVenuesChecked.add(task.getVariable("tenderId")));
        Mocks.register("reviseEvaluationSlot", (TaskListener) task -> slotsRevised.add(task.getVariable("tenderId")));
        Mocks.register("expertDrawTiming", new DueNow());
        Mocks.register("drawExperts", (JavaDelegate) execution -> {
            expertDrawsRun++;
            boolean drawn = expertsDrawnByDelegate.removeFirst();
            execution.setVariable("expertsDrawn", drawn);
            execution.setVariable("expertDrawId", "draw-" + expertDrawsRun);
            execution.setVariable("expertSeatCount", drawn ? seatsDrawnHere : 0);
            execution.setVariable("expertAnswerWindow", "PT2H");
            execution.setVariable("expertVoiceCallAfter", "PT1H");
        });
        Mocks.register("replaceExpert", (JavaDelegate) execution -> {
            replacedSeats.add(execution.getVariable("seat"));
            execution.setVariable("replacementDrawn", replacementsByDelegate.removeFirst());
        });
        Mocks.register("openExemptionExplanationDeadline", (JavaDelegate) execution -> {
            execution.setVariable("deadlineId", "deadline-" + execution.getVariable("tenderId"));
            execution.setVariable("deadlineDueAt", new java.util.Date(0));
        });
        Mocks.register("remindExemptionExplanation", (JavaDelegate) execution -> explanationReminders.add(execution.getVariable("deadlineId")));
        Mocks.register("completeExemptionExplanationDeadline",
                (JavaDelegate) execution -> explanationDeadlinesCompleted.add(execution.getVariable("deadlineId")));
        Mocks.register("recordOverdueExplanationFollowUp", (TaskListener) task -> overdueFollowUps.add(task.getVariable("tenderId")));
        Mocks.register("tenderEvaluationStarted", (ExecutionListener) execution -> stagesRecorded.add("started"));
        Mocks.register("tenderEvaluationEnded", (ExecutionListener) execution -> stagesRecorded.add("ended"));
        Mocks.register("tenderMaterialHandedOver", (ExecutionListener) execution -> stagesRecorded.add("handed over"));
        Mocks.register("requestPartnerExpertDraw",
                (JavaDelegate) execution -> partnerDrawsRequested.add(execution.getProcessBusinessKey()));
        Mocks.register("recordNationalExpertDraw", (TaskListener) task -> nationalDrawsRecorded.add(task.getVariable("tenderId")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void exemptBranchWaitsForTheWinnerAndThenTheExplanation() {
        ProcessInstance instance = start("t-exempt", facts(true, "CONSTRUCTION", "150000000.00"));

        assertThat(instance).isWaitingAt("AwaitWinningBidder").hasNotPassed("DecideScope");
        correlate("WinningBidderRecorded", "t-exempt");
        assertThat(instance).hasPassed("OpenExemptionExplanationDeadline").isWaitingAt("AwaitExemptionExplanation")
                .variables().containsEntry("deadlineId", "deadline-t-exempt");
        correlate("ExemptionExplanationFiled", "t-exempt");
        assertThat(instance).isWaitingAt("AcknowledgeExemptionExplanation");
        assertThat(explanationDeadlinesCompleted).containsExactly("deadline-t-exempt");
        assertThat(task(instance)).hasCandidateGroup("supervisor-HRB");

        complete(task(instance));

        assertThat(instance).isEnded().hasPassed("ExemptionExplained").hasNotPassed("RemindExemptionExplanation",
                "EscalateOverdueExplanation");
        assertThat(acknowledgedFor).isEqualTo("t-exempt");
    }

    @Test
    void theExplanationDeadlinesReminderKeepsTheTenderWaiting() {
        ProcessInstance instance = start("t-remind", facts(true, "SERVICES", "500000.00"));
        correlate("WinningBidderRecorded", "t-remind");

        correlateDeadline("DeadlineReminder", "deadline-t-remind");

        assertThat(instance).hasPassed("RemindExemptionExplanation", "ExplanationReminded")
                .isWaitingAt("AwaitExemptionExplanation");
        assertThat(explanationReminders).containsExactly("deadline-t-remind");
    }

    @Test
    void aBreachedExplanationDeadlineEscalatesToTheSupervisorWhileTheTenderStillWaits() {
        ProcessInstance instance = start("t-overdue", facts(true, "SERVICES", "500000.00"));
        correlate("WinningBidderRecorded", "t-overdue");

        correlateDeadline("DeadlineBreached", "deadline-t-overdue");

        assertThat(instance).isWaitingAt("AwaitExemptionExplanation", "EscalateOverdueExplanation");
        assertThat(task("EscalateOverdueExplanation", instance)).hasCandidateGroup("supervisor-HRB")
                .hasDueDate(new java.util.Date(0));
        complete(task("EscalateOverdueExplanation", instance), withVariables("overdueFollowUpMeasure", "WRITTEN_NOTICE"));
        assertThat(overdueFollowUps).containsExactly("t-overdue");
        correlate("ExemptionExplanationFiled", "t-overdue");
        assertThat(instance).isWaitingAt("AcknowledgeExemptionExplanation");
        assertThat(explanationDeadlinesCompleted).containsExactly("deadline-t-overdue");
    }

    @Test
    void crossProvinceBranchSkipsTheRolloutAndWaitsForThePartnersAssignment() {
        scopeFromDelegate = "CROSS_PROVINCE";

        ProcessInstance instance = start("t-cross", facts(false, "CONSTRUCTION", "100000000.00"));

        assertThat(instance).hasPassed("DecideScope", "RecordScopeDecision").hasNotPassed("AssessRollout", "DrawVenues")
                .isWaitingAt("AwaitPartnerAssignment");
        assertThat(decisionResult(instance)).containsExactly(
                Map.of("scope", "CROSS_PROVINCE", "reason", "CONSTRUCTION_THRESHOLD"));

        correlate("PartnerAssignmentReceived", "t-cross");

        assertThat(instance).isWaitingAt("RecordNationalExpertDraw").hasNotPassed("DrawVenues", "AwaitExpertDraw");
    }

    @Test
    void intraProvinceInRolloutDrawsVenuesInItsOwnTransaction() {
        scopeFromDelegate = "INTRA_PROVINCE";
        rolloutFromDelegate = "REMOTE";

        ProcessInstance instance = start("t-intra", facts(false, "SERVICES", "9999999.99"));

        assertThat(instance).hasPassed("AssessRollout").isWaitingAt("DrawVenues");
        assertThat(job(instance)).isNotNull();
        assertThat(decisionResult(instance)).containsExactly(
                Map.of("scope", "INTRA_PROVINCE", "reason", "BELOW_THRESHOLDS"));
        assertThat(drawsRun).isZero();
    }

    @Test
    void aSuccessfulRandomDrawGoesStraightToTheExpertDraw() {
        ProcessInstance instance = startIntraProvince("t-drawn");
        venuesDrawnByDelegate.add(true);

        execute(job(instance));

        assertThat(instance).hasPassed("DrawVenues").hasNotPassed("ConfirmVenueNegotiation")
                .isWaitingAt("AwaitExpertDraw");
    }

    @Test
    void whereTheSupervisorsAttendTheVenueDrawWaitsForTheirCommitmentInTheirInbox() {
        attending.centers.add("HRB");
        ProcessInstance instance = startIntraProvince("t-supervised-venues");

        assertThat(instance).isWaitingAt("CommitVenueDrawEntropy").hasPassed("SupervisorAttendsVenueDraw")
                .hasNotPassed("DrawVenues");
        assertThat(task(instance)).hasCandidateGroup("supervisor-HRB");
        complete(task(instance));
        assertThat(supervisorCommitmentsChecked).containsExactly("CommitVenueDrawEntropy");
        assertThat(instance).isWaitingAt("DrawVenues");
        venuesDrawnByDelegate.add(true);
        execute(job(instance));

        assertThat(instance).hasPassed("JoinVenueDrawEntropy", "DrawVenues").isWaitingAt("AwaitExpertDraw");
    }

    @Test
    void whereTheSupervisorsDoNotAttendTheVenueDrawRunsWithoutATask() {
        attending.centers.add("MDJ");
        ProcessInstance instance = startIntraProvince("t-unsupervised-venues");

        assertThat(instance).isWaitingAt("DrawVenues").hasPassed("SupervisorAttendsVenueDraw", "JoinVenueDrawEntropy")
                .hasNotPassed("CommitVenueDrawEntropy");
        assertThat(supervisorCommitmentsChecked).isEmpty();
    }

    @Test
    void noRandomPickAsksTheMainVenuesSupervisorAndApprovalLetsStaffEnterTheNegotiatedVenues() {
        ProcessInstance instance = startIntraProvince("t-negotiated");
        venuesDrawnByDelegate.add(false);

        execute(job(instance));

        assertThat(instance).isWaitingAt("ConfirmVenueNegotiation");
        assertThat(task(instance)).hasCandidateGroup("supervisor-HRB");
        complete(task(instance), Variables.createVariables().putValue("venueNegotiationDecision", "APPROVE"));

        assertThat(instance).isWaitingAt("EnterNegotiatedVenues");
        assertThat(task(instance)).hasCandidateGroup("staff-HRB");
        complete(task(instance));

        assertThat(instance).isWaitingAt("AwaitExpertDraw").hasNotPassed("ReviseEvaluationSlot");
        assertThat(negotiationDecisions).containsExactly("t-negotiated");
        assertThat(negotiatedVenuesChecked).containsExactly("t-negotiated");
        assertThat(drawsRun).isEqualTo(1);
    }

    @Test
    void theSupervisorsRefusalSendsTheTenderBackToStaffToMoveTheSlotAndThenDrawsAgain() {
        ProcessInstance instance = startIntraProvince("t-refused");
        venuesDrawnByDelegate.add(false);
        venuesDrawnByDelegate.add(true);
        execute(job(instance));

        complete(task(instance), Variables.createVariables().putValue("venueNegotiationDecision", "REFUSE"));

        assertThat(instance).isWaitingAt("ReviseEvaluationSlot").hasNotPassed("EnterNegotiatedVenues");
        assertThat(task(instance)).hasCandidateGroup("staff-HRB");
        complete(task(instance), Variables.createVariables().putValue("evaluationDate", "2031-03-04").putValue("halfDay", "PM"));

        assertThat(instance).isWaitingAt("DrawVenues");
        assertThat(slotsRevised).containsExactly("t-refused");
        execute(job(instance));
        assertThat(instance).isWaitingAt("AwaitExpertDraw").variables().containsEntry("evaluationDate", "2031-03-04");
        assertThat(drawsRun).isEqualTo(2);
    }

    @Test
    void movingTheEvaluationWhileWaitingForExpertsDrawsTheVenuesAgain() {
        ProcessInstance instance = startIntraProvince("t-moved");
        venuesDrawnByDelegate.add(true);
        venuesDrawnByDelegate.add(true);
        execute(job(instance));

        correlate("EvaluationMoved", "t-moved");

        assertThat(instance).hasPassed("EvaluationMovedWhileWaiting").isWaitingAt("DrawVenues");
        execute(job(instance));
        assertThat(instance).isWaitingAt("AwaitExpertDraw");
        assertThat(drawsRun).isEqualTo(2);
    }

    @Test
    void movingACrossProvinceEvaluationAsksThePartnerAgain() {
        scopeFromDelegate = "CROSS_PROVINCE";
        ProcessInstance instance = start("t-cross-moved", facts(false, "GOODS", "20000000.00"));
        correlate("PartnerAssignmentReceived", "t-cross-moved");

        correlate("EvaluationMoved", "t-cross-moved");

        assertThat(instance).isWaitingAt("AwaitPartnerAssignment").hasNotPassed("DrawVenues");
    }

    @Test
    void intraProvinceOutsideTheRolloutEndsInItsOwnEndEvent() {
        scopeFromDelegate = "INTRA_PROVINCE";
        rolloutFromDelegate = "NOT_IN_ROLLOUT";

        ProcessInstance instance = start("t-outside", facts(false, "GOODS", "100.00"));

        assertThat(instance).isEnded().hasPassed("NotInRollout").hasNotPassed("DrawVenues");
    }

    @Test
    void aCrossProvinceTendersExpertsAreRecordedFromTheNationalSystemByTheProvincialCenter() {
        scopeFromDelegate = "CROSS_PROVINCE";
        ProcessInstance instance = start("t-national", facts(false, "GOODS", "20000000.00"));
        correlate("PartnerAssignmentReceived", "t-national");

        assertThat(task(instance)).hasCandidateGroup("staff-PROV");
        complete(task(instance), Variables.createVariables().putValue("nationalExpertDrawReference", "NAT-2031-0001"));

        assertThat(instance).isWaitingAt("EvaluationDay").hasNotPassed("DrawExperts");
        assertThat(nationalDrawsRecorded).containsExactly("t-national");
    }

    @Test
    void theExpertDrawWaitsForItsTimeThenRunsInItsOwnTransaction() {
        ProcessInstance instance = venuesFixed("t-expert-timer");

        assertThat(instance).isWaitingAt("AwaitExpertDraw");
        execute(job(instance));
        assertThat(instance).isWaitingAt("DrawExperts");
        assertThat(expertDrawsRun).isZero();
    }

    @Test
    void whereTheSupervisorsAttendTheExpertDrawWaitsForTheirCommitmentAfterItsTime() {
        ProcessInstance instance = venuesFixed("t-supervised-experts");
        attending.centers.add("HRB");

        execute(job(instance));
        assertThat(instance).isWaitingAt("CommitExpertDrawEntropy").hasPassed("SupervisorAttendsExpertDraw")
                .hasNotPassed("DrawExperts");
        assertThat(task(instance)).hasCandidateGroup("supervisor-HRB");
        complete(task(instance));
        assertThat(supervisorCommitmentsChecked).containsExactly("CommitExpertDrawEntropy");
        assertThat(instance).isWaitingAt("DrawExperts").hasPassed("JoinExpertDrawEntropy");
    }

    @Test
    void whereTheSupervisorsDoNotAttendTheExpertDrawRunsAtItsTime() {
        ProcessInstance instance = venuesFixed("t-unsupervised-experts");

        execute(job(instance));

        assertThat(instance).isWaitingAt("DrawExperts").hasPassed("SupervisorAttendsExpertDraw", "JoinExpertDrawEntropy")
                .hasNotPassed("CommitExpertDrawEntropy");
    }

    @Test
    void everyDrawnSeatWaitsForItsExpertsAnswerAndTheCommitteeIsReadyWhenAllAccepted() {
        ProcessInstance instance = expertsDrawn("t-all-accept");

        assertThat(seatInstances("t-all-accept")).hasSize(3)
                .allSatisfy(seat -> assertThat(seat).isWaitingAt("AwaitExpertAnswer"));
        answer("t-all-accept", 1, true);
        answer("t-all-accept", 2, true);
        assertThat(instance).isWaitingAt("ConfirmSeats");
        answer("t-all-accept", 3, true);

        assertThat(instance).isWaitingAt("EvaluationDay").hasPassed("ConfirmSeats");
        assertThat(replacedSeats).isEmpty();
    }

    @Test
    void aCompleteCommitteeGoesToTheEvaluationDayAndThenToTheHandOverOfTheMaterial() {
        ProcessInstance instance = expertsDrawn("t-day");
        for (int seat = 1; seat <= 3; seat++) {
            answer("t-day", seat, true);
        }
        assertThat(instance).isWaitingAt("EvaluationDay");
        ProcessInstance day = calledInstance("evaluation-day", "t-day");
        assertThat(day).variables().containsEntry("mainCenter", "HRB").containsEntry("tenderId", "t-day");
        assertThat(stagesRecorded).containsExactly("started");

        complete(task("StubEvaluationDay", day));

        assertThat(instance).hasPassed("ExpertArrangementEnded").isWaitingAt("AvHandover");
        assertThat(stagesRecorded).containsExactly("started", "ended");
        complete(task("StubAvHandover", calledInstance("av-handover", "t-day")));

        assertThat(instance).isEnded().hasPassed("MaterialHandedOver");
        assertThat(stagesRecorded).containsExactly("started", "ended", "handed over");
    }

    private static ProcessInstance calledInstance(String key, String tenderId) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(tenderId)
                .singleResult();
    }

    @Test
    void noRandomPickForTheCommitteeGoesToTheSupervisorAndThenDrawsAgain() {
        expertsDrawnByDelegate.add(false);
        expertsDrawnByDelegate.add(true);
        ProcessInstance instance = venuesFixed("t-expert-short");
        execute(job(instance));
        execute(job(instance));

        assertThat(instance).isWaitingAt("ResolveExpertShortage");
        assertThat(task(instance)).hasCandidateGroup("supervisor-HRB");
        complete(task(instance), Variables.createVariables().putValue("expertShortageHandled", true));

        assertThat(instance).isWaitingAt("DrawExperts");
        execute(job(instance));
        assertThat(instance).isWaitingAt("ConfirmSeats");
        assertThat(expertDrawsRun).isEqualTo(2);
    }

    @Test
    void aSeatVacatedAfterAcceptanceGetsASupplementaryDrawInItsOwnConfirmation() {
        ProcessInstance instance = expertsDrawn("t-vacated");
        for (int seat = 1; seat <= 3; seat++) {
            answer("t-vacated", seat, true);
        }

        runtimeService().createMessageCorrelation("ExpertSeatVacated").processInstanceBusinessKey("t-vacated")
                .setVariableLocal("seat", 2L).correlate();

        assertThat(instance).isWaitingAt("EvaluationDay", "ReconfirmSeat");
        ProcessInstance seat = seatInstances("t-vacated").get(0);
        assertThat(seat).isWaitingAt("ReplaceExpert").variables().containsEntry("seat", 2L).containsEntry("replaceFirst", true);
        replacementsByDelegate.add(true);
        execute(job(seat));
        answer("t-vacated", 2, true);
        assertThat(instance).isWaitingAt("EvaluationDay");
        assertThat(replacedSeats).containsExactly(2L);
        assertThat(runtimeService().getVariable(instance.getId(), "seat")).isNull();
    }

    @Test
    void movingTheEvaluationWhileExpertsConfirmEndsEverySeatsConfirmationAndArrangesVenuesAgain() {
        ProcessInstance instance = expertsDrawn("t-moved-experts");
        venuesDrawnByDelegate.add(true);

        correlate("EvaluationMoved", "t-moved-experts");

        assertThat(instance).hasPassed("EvaluationMovedWhileWaiting").isWaitingAt("DrawVenues");
        assertThat(seatInstances("t-moved-experts")).isEmpty();
    }

    @Test
    void aPlanEnteredByHandStillHasItsExpertsRecordedFromTheNationalSystem() {
        scopeFromDelegate = "CROSS_PROVINCE";
        ProcessInstance instance = start("t-by-hand", facts(false, "GOODS", "20000000.00"));

        partnerAssignment("t-by-hand", false);

        assertThat(instance).isWaitingAt("RecordNationalExpertDraw").hasNotPassed("AwaitExchangeExpertDraw", "AwaitExpertDraw");
    }

    @Test
    void anExchangePlanWaitsForTheDrawTimeThenDrawsHereAndAsksThePartnerEachInItsOwnTransaction() {
        ProcessInstance instance = exchangePlan("t-exchange");

        assertThat(instance).isWaitingAt("AwaitExchangeExpertDraw").hasNotPassed("RecordNationalExpertDraw", "AwaitExpertDraw");
        execute(job("AwaitExchangeExpertDraw", instance));

        assertThat(instance).hasPassed("ForkExpertDraws").isWaitingAt("DrawExperts", "RequestPartnerExpertDraw");
        assertThat(expertDrawsRun).isZero();
        assertThat(partnerDrawsRequested).isEmpty();
        execute(job("RequestPartnerExpertDraw", instance));
        assertThat(partnerDrawsRequested).containsExactly("t-exchange");
        assertThat(instance).isWaitingAt("DrawExperts", "AwaitPartnerExpertDraw");
    }

    @Test
    void theEvaluationDayWaitsForTheMainVenuesSeatsAndEveryPartnerSeat() {
        ProcessInstance instance = exchangeDrawsRunning("t-both");

        partnerExpertsDrawn("t-both", false);
        assertThat(instance).hasPassed("PartnerExpertsDrawnGateway").isWaitingAt("ConfirmSeats")
                .hasNotPassed("ResolvePartnerExpertShortage", "EvaluationDay");
        for (int seat = 1; seat <= 3; seat++) {
            answer("t-both", seat, true);
        }

        assertThat(instance).hasPassed("LocalSeatsConfirmed", "JoinExpertDraws").isWaitingAt("EvaluationDay");
        assertThat(partnerDrawsRequested).containsExactly("t-both");
    }

    @Test
    void theMainVenuesConfirmedSeatsWaitForThePartnersAnswer() {
        ProcessInstance instance = exchangeDrawsRunning("t-local-first");

        for (int seat = 1; seat <= 3; seat++) {
            answer("t-local-first", seat, true);
        }
        assertThat(instance).hasPassed("LocalSeatsConfirmed").isWaitingAt("AwaitPartnerExpertDraw")
                .hasNotPassed("EvaluationDay");

        partnerExpertsDrawn("t-local-first", false);
        assertThat(instance).isWaitingAt("EvaluationDay");
    }

    @Test
    void aShortPartnerSeatGoesToTheSupervisorAndThenThePartnerIsAskedAgain() {
        ProcessInstance instance = exchangeDrawsRunning("t-partner-short");
        for (int seat = 1; seat <= 3; seat++) {
            answer("t-partner-short", seat, true);
        }

        partnerExpertsDrawn("t-partner-short", true);

        assertThat(instance).isWaitingAt("ResolvePartnerExpertShortage").hasNotPassed("EvaluationDay");
        assertThat(task(instance)).hasCandidateGroup("supervisor-HRB");
        complete(task(instance), Variables.createVariables().putValue("partnerExpertShortageHandled", true));
        assertThat(instance).isWaitingAt("RequestPartnerExpertDraw");
        execute(job("RequestPartnerExpertDraw", instance));
        assertThat(partnerDrawsRequested).containsExactly("t-partner-short", "t-partner-short");
        assertThat(instance).isWaitingAt("AwaitPartnerExpertDraw");

        partnerExpertsDrawn("t-partner-short", false);
        assertThat(instance).isWaitingAt("EvaluationDay");
        assertThat(expertDrawsRun).isOne();
    }

    @Test
    void withNoExpertSeatAtTheMainVenueOnlyThePartnersSeatsAreAwaited() {
        seatsDrawnHere = 0;
        ProcessInstance instance = exchangeDrawsRunning("t-none-here");

        // A multi-instance of no seat ends at once.
        assertThat(instance).hasPassed("LocalSeatsConfirmed").isWaitingAt("AwaitPartnerExpertDraw");
        assertThat(seatInstances("t-none-here")).isEmpty();
        partnerExpertsDrawn("t-none-here", false);
        assertThat(instance).isWaitingAt("EvaluationDay");
    }

    @Test
    void aLocalShortageAndALocalVacatedSeatStillWorkWhileThePartnerDraws() {
        expertsDrawnByDelegate.add(false);
        ProcessInstance instance = exchangeDrawsRunning("t-local-short");
        assertThat(instance).isWaitingAt("ResolveExpertShortage", "AwaitPartnerExpertDraw");
        expertsDrawnByDelegate.add(true);
        complete(task(instance), Variables.createVariables().putValue("expertShortageHandled", true));
        execute(job("DrawExperts", instance));
        for (int seat = 1; seat <= 3; seat++) {
            answer("t-local-short", seat, true);
        }

        runtimeService().createMessageCorrelation("ExpertSeatVacated").processInstanceBusinessKey("t-local-short")
                .setVariableLocal("seat", 1L).correlate();
        assertThat(instance).isWaitingAt("ReconfirmSeat", "AwaitPartnerExpertDraw");
        partnerExpertsDrawn("t-local-short", false);
        assertThat(instance).isWaitingAt("ReconfirmSeat", "EvaluationDay");
    }

    @Test
    void movingTheEvaluationWhileThePartnerDrawsAsksThePartnerForVenuesAgain() {
        ProcessInstance instance = exchangeDrawsRunning("t-moved-partner");

        correlate("EvaluationMoved", "t-moved-partner");

        assertThat(instance).hasPassed("EvaluationMovedWhileWaiting").isWaitingAt("AwaitPartnerAssignment");
        assertThat(seatInstances("t-moved-partner")).isEmpty();
    }

    private ProcessInstance exchangePlan(String tenderId) {
        scopeFromDelegate = "CROSS_PROVINCE";
        ProcessInstance instance = start(tenderId, facts(false, "GOODS", "20000000.00"));
        partnerAssignment(tenderId, true);
        return instance;
    }

    /** The draw time came: the main venue's draw ran (drawn unless told otherwise) and the partner was asked. */
    private ProcessInstance exchangeDrawsRunning(String tenderId) {
        if (expertsDrawnByDelegate.isEmpty()) {
            expertsDrawnByDelegate.add(true);
        }
        ProcessInstance instance = exchangePlan(tenderId);
        execute(job("AwaitExchangeExpertDraw", instance));
        execute(job("RequestPartnerExpertDraw", instance));
        execute(job("DrawExperts", instance));
        return instance;
    }

    private static void partnerAssignment(String tenderId, boolean throughExchange) {
        runtimeService().createMessageCorrelation("PartnerAssignmentReceived").processInstanceBusinessKey(tenderId)
                .setVariable("planThroughExchange", throughExchange).correlate();
    }

    private static void partnerExpertsDrawn(String tenderId, boolean anyShort) {
        runtimeService().createMessageCorrelation("PartnerExpertsDrawn").processInstanceBusinessKey(tenderId)
                .setVariable("partnerExpertsShort", anyShort).correlate();
    }

    private ProcessInstance venuesFixed(String tenderId) {
        ProcessInstance instance = startIntraProvince(tenderId);
        venuesDrawnByDelegate.add(true);
        execute(job(instance));
        return instance;
    }

    private ProcessInstance expertsDrawn(String tenderId) {
        expertsDrawnByDelegate.add(true);
        ProcessInstance instance = venuesFixed(tenderId);
        execute(job(instance));
        execute(job(instance));
        return instance;
    }

    static List<ProcessInstance> seatInstances(String tenderId) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("expert-seat-confirmation")
                .processInstanceBusinessKey(tenderId).list();
    }

    static void answer(String tenderId, int seat, boolean accepted) {
        runtimeService().createMessageCorrelation("ExpertAnswered").processInstanceBusinessKey(tenderId)
                .processInstanceVariableEquals("seat", (long) seat).setVariable("expertAccepted", accepted).correlate();
    }

    private ProcessInstance startIntraProvince(String tenderId) {
        scopeFromDelegate = "INTRA_PROVINCE";
        rolloutFromDelegate = "REMOTE";
        return start(tenderId, facts(false, "SERVICES", "500000.00"));
    }

    private static ProcessInstance start(String tenderId, VariableMap facts) {
        return runtimeService().startProcessInstanceByKey("tender-lifecycle", tenderId, facts.putValue("tenderId", tenderId));
    }

    private static void correlateDeadline(String message, String deadlineId) {
        runtimeService().createMessageCorrelation(message).processInstanceVariableEquals("deadlineId", deadlineId)
                .correlateAllWithResult();
    }

    private static void correlate(String message, String tenderId) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(tenderId).correlate();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> decisionResult(ProcessInstance instance) {
        return (List<Map<String, Object>>) runtimeService().getVariable(instance.getId(), "scopeDecisionResult");
    }

    private static VariableMap facts(boolean exempt, String category, String price) {
        return Variables.createVariables().putValue("exempt", exempt).putValue("category", category)
                .putValueTyped("estimatedPrice", Variables.objectValue(new BigDecimal(price))
                        .serializationDataFormat(SerializationDataFormats.JSON).create())
                .putValue("constructionPart", null).putValue("goodsPart", null).putValue("servicesPart", null)
                .putValue("expertShortage", false).putValue("regulationRequiresCrossProvince", false)
                .putValue("mainCenter", "HRB").putValue("evaluationDate", "2031-03-03").putValue("halfDay", "AM");
    }
}
