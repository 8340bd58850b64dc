package cn.hlj.remoteeval.tender.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
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
 * scope DMN; the two service-task delegates are stood in for by setting their gateway variable.
 */
@Deployment(resources = { "bpmn/tender-lifecycle.bpmn", "bpmn/scope-decision.dmn" })
class TenderLifecycleProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private String scopeFromDelegate;
    private String rolloutFromDelegate;
    private Object acknowledgedFor;

    @BeforeEach
    void standInForDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("recordScopeDecision", (JavaDelegate) execution -> execution.setVariable("scope", scopeFromDelegate));
        Mocks.register("assessRollout", (JavaDelegate) execution -> execution.setVariable("rollout", rolloutFromDelegate));
        Mocks.register("acknowledgeExemptionExplanation", (TaskListener) task -> acknowledgedFor = task.getVariable("tenderId"));
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
    void crossProvinceBranchSkipsTheRolloutAndWaitsForDispatch() {
        scopeFromDelegate = "CROSS_PROVINCE";

        ProcessInstance instance = start("t-cross", facts(false, "CONSTRUCTION", "100000000.00"));

        assertThat(instance).hasPassed("DecideScope", "RecordScopeDecision").hasNotPassed("AssessRollout")
                .isWaitingAt("AwaitDispatch");
        assertThat(decisionResult(instance)).containsExactly(
                Map.of("scope", "CROSS_PROVINCE", "reason", "CONSTRUCTION_THRESHOLD"));
    }

    @Test
    void intraProvinceInRolloutWaitsForDispatch() {
        scopeFromDelegate = "INTRA_PROVINCE";
        rolloutFromDelegate = "REMOTE";

        ProcessInstance instance = start("t-intra", facts(false, "SERVICES", "9999999.99"));

        assertThat(instance).hasPassed("AssessRollout").isWaitingAt("AwaitDispatch");
        assertThat(decisionResult(instance)).containsExactly(
                Map.of("scope", "INTRA_PROVINCE", "reason", "BELOW_THRESHOLDS"));
    }

    @Test
    void intraProvinceOutsideTheRolloutEndsInItsOwnEndEvent() {
        scopeFromDelegate = "INTRA_PROVINCE";
        rolloutFromDelegate = "NOT_IN_ROLLOUT";

        ProcessInstance instance = start("t-outside", facts(false, "GOODS", "100.00"));

        assertThat(instance).isEnded().hasPassed("NotInRollout").hasNotPassed("AwaitDispatch");
    }

    @Test
    void dispatchCompletionEndsTheLifecycleForNow() {
        scopeFromDelegate = "CROSS_PROVINCE";
        ProcessInstance instance = start("t-dispatch", facts(false, "GOODS", "20000000.00"));

        correlate("DispatchCompleted", "t-dispatch");

        assertThat(instance).isEnded().hasPassed("Dispatched");
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
                .putValue("mainCenter", "HRB");
    }
}
