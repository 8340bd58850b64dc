package cn.hlj.remoteeval.tender.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
@Deployment(resources = { "bpmn/tender-lifecycle.bpmn", "bpmn/scope-decision.dmn", "forms/venue-negotiation-confirmation.form",
        "forms/negotiated-venues-entry.form", "forms/evaluation-slot-revision.form",
        "forms/exemption-explanation-acknowledgement.form" })
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

    @BeforeEach
    void standInForDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
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
        assertThat(instance).isWaitingAt("AwaitExemptionExplanation");
        correlate("ExemptionExplanationFiled", "t-exempt");
        assertThat(instance).isWaitingAt("AcknowledgeExemptionExplanation");
        assertThat(task(instance)).hasCandidateGroup("supervisor-HRB");

        complete(task(instance));

        assertThat(instance).isEnded().hasPassed("ExemptionExplained");
        assertThat(acknowledgedFor).isEqualTo("t-exempt");
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

        assertThat(instance).isWaitingAt("AwaitExpertDraw").hasNotPassed("DrawVenues");
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
    void theExpertDrawEndsTheDispatchForNow() {
        scopeFromDelegate = "CROSS_PROVINCE";
        ProcessInstance instance = start("t-dispatch", facts(false, "GOODS", "20000000.00"));
        correlate("PartnerAssignmentReceived", "t-dispatch");

        correlate("ExpertsDrawn", "t-dispatch");

        assertThat(instance).isEnded().hasPassed("Dispatched");
    }

    private ProcessInstance startIntraProvince(String tenderId) {
        scopeFromDelegate = "INTRA_PROVINCE";
        rolloutFromDelegate = "REMOTE";
        return start(tenderId, facts(false, "SERVICES", "500000.00"));
    }

    private static ProcessInstance start(String tenderId, VariableMap facts) {
        return runtimeService().startProcessInstanceByKey("tender-lifecycle", tenderId, facts.putValue("tenderId", tenderId));
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
