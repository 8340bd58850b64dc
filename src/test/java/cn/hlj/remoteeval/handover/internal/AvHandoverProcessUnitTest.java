package cn.hlj.remoteeval.handover.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code bpmn/av-handover.bpmn} and its two called legs on the real models: the
 * sub-venue legs (one per hand-over id), the leg to the tenderer, no sub-venue at all, and each
 * leg's reminder and breach boundary events correlated by the instance's own deadlineId. The
 * delegates and listeners are stood in for.
 */
@Deployment(resources = { "bpmn/av-handover.bpmn", "bpmn/av-handover-leg.bpmn", "bpmn/av-handover-tenderer-leg.bpmn",
        "forms/handover-material.form", "forms/handover-receipt.form", "forms/handover-to-tenderer.form",
        "forms/overdue-handover-escalation.form" })
class AvHandoverProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private List<String> subVenueHandovers = List.of("h-1", "h-2");
    private final List<String> recorded = new ArrayList<>();
    private final AtomicInteger deadlines = new AtomicInteger();
    private final Routes routes = new Routes();

    /** Stands in for {@link HandoverRoutes}: which hand-overs are a partner's, and whose material is here. */
    public static final class Routes {
        final java.util.Set<String> partner = new java.util.HashSet<>();
        final java.util.Set<String> here = new java.util.HashSet<>();

        public boolean awaitPartner(String handoverId) {
            return partner.contains(handoverId) && !here.contains(handoverId);
        }

        public boolean partnerMaterialHere(String handoverId) {
            return partner.contains(handoverId) && here.contains(handoverId);
        }
    }

    @BeforeEach
    void standIn() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("openSubVenueHandovers", (JavaDelegate) execution -> execution
                .setVariable(HandoverVariables.SUB_VENUE_HANDOVERS, new ArrayList<>(subVenueHandovers)));
        Mocks.register("openTendererHandover",
                (JavaDelegate) execution -> execution.setVariable(HandoverVariables.TENDERER_HANDOVER_ID, "h-tenderer"));
        Mocks.register("openHandoverDeadline", (JavaDelegate) execution -> {
            execution.setVariable("deadlineId", "d-" + execution.getVariable("handoverId") + "-" + deadlines.incrementAndGet());
            execution.setVariable("deadlineDueAt", new Date());
        });
        Mocks.register("handoverRoutes", routes);
        Mocks.register("handingStaff", (TaskListener) task -> task.addCandidateGroup("staff-SUB"));
        Mocks.register("recordHandedOver", (TaskListener) task -> recorded.add("handed " + task.getVariable("handoverId")));
        Mocks.register("recordHandoverReceipt", (TaskListener) task -> recorded.add("received " + task.getVariable("handoverId")));
        Mocks.register("recordTendererHandover", (TaskListener) task -> recorded.add("tenderer " + task.getVariable("handoverId")));
        Mocks.register("handoverReminder", (JavaDelegate) execution -> recorded.add("reminded " + execution.getVariable("handoverId")));
        Mocks.register("handoverOverdue", (TaskListener) task -> recorded.add("overdue " + task.getVariable("handoverId")));
        Mocks.register("recordHandoverSupervision", (TaskListener) task -> recorded.add("supervised " + task.getVariable("handoverId")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void everySubVenueHandsOverAndTheMainVenueConfirmsThenTheTendererGetsEverything() {
        ProcessInstance handover = start("t-all");
        assertThat(handover).isWaitingAt("OpenSubVenueHandovers");
        execute(job(handover));

        assertThat(handover).isWaitingAt("SubVenueHandover");
        List<ProcessInstance> legs = legs("av-handover-leg");
        assertThat(legs).hasSize(2);
        for (ProcessInstance leg : legs) {
            assertThat(leg).isWaitingAt("HandOverMaterial").hasBusinessKey("t-all");
            assertThat(task(leg)).hasCandidateGroup("staff-SUB");
            complete(task(leg), Variables.createVariables().putValue("medium", "USB_DRIVE").putValue("itemCount", 2L));
            assertThat(leg).isWaitingAt("ConfirmReceipt");
            assertThat(task(leg)).hasCandidateGroup("staff-HRB");
            complete(task(leg), Variables.createVariables().putValue("checksumsVerified", true));
            assertThat(leg).isEnded().hasPassed("MaterialReceived");
        }

        assertThat(handover).isWaitingAt("TendererHandover");
        ProcessInstance toTenderer = calledProcessInstance("av-handover-tenderer-leg", handover);
        assertThat(toTenderer).isWaitingAt("HandOverToTenderer").variables().containsEntry("handoverId", "h-tenderer");
        assertThat(task(toTenderer)).hasCandidateGroup("staff-HRB");
        complete(task(toTenderer));

        assertThat(handover).isEnded().hasPassed("AvHandoverCompleted");
        assertThat(recorded).contains("handed h-1", "received h-1", "handed h-2", "received h-2", "tenderer h-tenderer");
    }

    @Test
    void withoutASubVenueInTheProvinceTheMainVenueHandsToTheTendererAtOnce() {
        subVenueHandovers = List.of();
        ProcessInstance handover = start("t-none");
        execute(job(handover));

        assertThat(handover).isWaitingAt("TendererHandover").hasNotPassed("OpenHandoverDeadline");
        assertThat(legs("av-handover-leg")).isEmpty();
        ProcessInstance toTenderer = calledProcessInstance("av-handover-tenderer-leg", handover);
        complete(task(toTenderer));
        assertThat(handover).isEnded();
    }

    @Test
    void aPartnerSessionsLegWaitsForItsMaterialByMessageThenTheMainVenueConfirms() {
        routes.partner.add("h-p");
        ProcessInstance leg = startLeg("t-partner", "h-p");

        assertThat(leg).isWaitingAt("AwaitPartnerMaterial").hasNotPassed("HandOverMaterial");
        assertThat(taskService().createTaskQuery().processInstanceId(leg.getId()).count()).isZero();
        runtimeService().createMessageCorrelation("PartnerMaterialArrived").processInstanceVariableEquals("handoverId", "h-p")
                .correlate();

        assertThat(leg).isWaitingAt("ConfirmReceipt");
        assertThat(task(leg)).hasCandidateGroup("staff-HRB");
        complete(task(leg), Variables.createVariables().putValue("checksumsVerified", true));
        assertThat(leg).isEnded().hasPassed("MaterialReceived");
        assertThat(recorded).containsExactly("received h-p");
    }

    @Test
    void aPartnerSessionsMaterialThatArrivedBeforeTheLegOpenedGoesStraightToTheReceipt() {
        routes.partner.add("h-early");
        routes.here.add("h-early");
        ProcessInstance leg = startLeg("t-early", "h-early");

        assertThat(leg).isWaitingAt("ConfirmReceipt").hasNotPassed("AwaitPartnerMaterial", "HandOverMaterial");
    }

    @Test
    void aPartnerWhoseMaterialIsLateIsEscalatedLikeASubVenueHere() {
        routes.partner.add("h-pl");
        ProcessInstance leg = startLeg("t-partner-late", "h-pl");
        correlate("DeadlineBreached", (String) runtimeService().getVariable(leg.getId(), "deadlineId"));

        assertThat(leg).isWaitingAt("AwaitPartnerMaterial", "EscalateOverdueHandover");
        assertThat(recorded).contains("overdue h-pl");
    }

    @Test
    void aReminderRaisesTheLegAndItKeepsWaiting() {
        ProcessInstance leg = startLeg("t-remind", "h-r");
        String deadlineId = (String) runtimeService().getVariable(leg.getId(), "deadlineId");

        correlate("DeadlineReminder", deadlineId);

        assertThat(leg).hasPassed("DeadlineReminder", "RemindHandover", "Reminded").isWaitingAt("HandOverMaterial");
        assertThat(recorded).contains("reminded h-r");
    }

    @Test
    void aBreachEscalatesToTheSupervisorWhoseTaskStaysUntilTheMaterialIsReceived() {
        ProcessInstance leg = startLeg("t-breach", "h-b");
        String deadlineId = (String) runtimeService().getVariable(leg.getId(), "deadlineId");

        correlate("DeadlineBreached", deadlineId);

        assertThat(leg).isWaitingAt("HandOverMaterial", "EscalateOverdueHandover");
        var escalation = taskService().createTaskQuery().processInstanceId(leg.getId())
                .taskDefinitionKey("EscalateOverdueHandover").singleResult();
        assertThat(escalation).hasCandidateGroup("supervisor-HRB");
        complete(escalation, Variables.createVariables().putValue("supervisionAction", "URGED"));
        assertThat(leg).hasPassed("Supervised").isWaitingAt("HandOverMaterial");
        assertThat(recorded).contains("overdue h-b", "supervised h-b");
    }

    @Test
    void aLateReceiptClosesAnEscalationStillOpenSoTheNextLegIsNotHeldUp() {
        ProcessInstance leg = startLeg("t-late", "h-l");
        correlate("DeadlineBreached", (String) runtimeService().getVariable(leg.getId(), "deadlineId"));

        complete(taskService().createTaskQuery().processInstanceId(leg.getId()).taskDefinitionKey("HandOverMaterial")
                .singleResult());
        complete(taskService().createTaskQuery().processInstanceId(leg.getId()).taskDefinitionKey("ConfirmReceipt")
                .singleResult());

        assertThat(leg).isEnded().hasPassed("MaterialReceived").hasNotPassed("Supervised");
    }

    @Test
    void aMessageForAnotherDeadlineReachesNoLeg() {
        startLeg("t-other", "h-o");

        assertThatThrownBy(() -> correlate("DeadlineReminder", "no-such-deadline"))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void theTendererLegRemindsAndEscalatesToo() {
        ProcessInstance leg = runtimeService().startProcessInstanceByKey("av-handover-tenderer-leg", "t-tl",
                Variables.createVariables().putValue("mainCenter", "HRB").putValue("handoverId", "h-t"));
        String deadlineId = (String) runtimeService().getVariable(leg.getId(), "deadlineId");

        correlate("DeadlineReminder", deadlineId);
        correlate("DeadlineBreached", deadlineId);

        assertThat(leg).hasPassed("RemindHandover").isWaitingAt("HandOverToTenderer", "EscalateOverdueHandover");
        var escalation = taskService().createTaskQuery().processInstanceId(leg.getId())
                .taskDefinitionKey("EscalateOverdueHandover").singleResult();
        assertThat(escalation).hasCandidateGroup("supervisor-HRB");
        complete(escalation);
        complete(task(leg));
        assertThat(leg).isEnded().hasPassed("MaterialReceived");
        assertThat(recorded).contains("reminded h-t", "overdue h-t", "supervised h-t", "tenderer h-t");
    }

    private static ProcessInstance start(String tenderId) {
        return runtimeService().startProcessInstanceByKey("av-handover", tenderId,
                Variables.createVariables().putValue("mainCenter", "HRB"));
    }

    private static ProcessInstance startLeg(String tenderId, String handoverId) {
        return runtimeService().startProcessInstanceByKey("av-handover-leg", tenderId,
                Variables.createVariables().putValue("mainCenter", "HRB").putValue("handoverId", handoverId));
    }

    private static List<ProcessInstance> legs(String key) {
        return processInstanceQuery().processDefinitionKey(key).list();
    }

    private static void correlate(String message, String deadlineId) {
        runtimeService().createMessageCorrelation(message).processInstanceVariableEquals("deadlineId", deadlineId)
                .correlate();
    }
}
