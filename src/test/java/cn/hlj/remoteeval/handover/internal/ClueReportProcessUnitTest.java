package cn.hlj.remoteeval.handover.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
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
 * Every path of {@code bpmn/clue-report.bpmn} on the real model: report, receipt, transfer; the
 * reminder and breach of each of its two deadlines, correlated by the deadlineId the instance holds
 * at the time; a refused report that leaves no instance.
 */
@Deployment(resources = { "bpmn/clue-report.bpmn", "forms/clue-report.form", "forms/clue-receipt.form",
        "forms/clue-transfer.form", "forms/overdue-clue-escalation.form" })
class ClueReportProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private final List<String> recorded = new ArrayList<>();
    private boolean refuse;

    @BeforeEach
    void standIn() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("reportClue", (JavaDelegate) execution -> {
            if (refuse) {
                throw new InvalidForm("场次代码 RS-X 不是本中心承担的评标场次");
            }
            execution.setProcessBusinessKey("t-" + execution.getVariable("sessionCode"));
            execution.setVariable("clueId", "c-" + execution.getVariable("sessionCode"));
            execution.setVariable("mainCenter", "HRB");
            execution.setVariable("deadlineId", "receipt-" + execution.getVariable("sessionCode"));
        });
        Mocks.register("openClueTransferDeadline", (JavaDelegate) execution -> execution.setVariable("deadlineId",
                "transfer-" + execution.getVariable("sessionCode")));
        Mocks.register("awaitClueReceipt", (JavaDelegate) execution -> execution.setVariable("deadlineId",
                "receipt-" + execution.getVariable("clueId")));
        Mocks.register("recordClueReceipt", (TaskListener) task -> recorded.add("received " + task.getVariable("clueId")));
        Mocks.register("recordClueTransfer", (TaskListener) task -> recorded.add("transferred " + task.getVariable("clueId")));
        Mocks.register("clueReminder", (JavaDelegate) execution -> recorded.add("reminded " + execution.getVariable("deadlineId")));
        Mocks.register("recordClueSupervision", (TaskListener) task -> recorded.add("supervised " + task.getVariable("deadlineId")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aClueReachesTheMainVenueAndIsTransferred() {
        ProcessInstance clue = report("RS-A");

        assertThat(clue).hasBusinessKey("t-RS-A").isWaitingAt("ReceiveClue");
        assertThat(task(clue)).hasCandidateGroup("staff-HRB");
        complete(task(clue), Variables.createVariables().putValue("clueReceived", true));

        assertThat(clue).hasPassed("OpenClueTransferDeadline").isWaitingAt("RecordClueTransfer");
        assertThat(runtimeService().getVariable(clue.getId(), "deadlineId")).isEqualTo("transfer-RS-A");
        assertThat(task(clue)).hasCandidateGroup("staff-HRB");
        complete(task(clue), Variables.createVariables().putValue("transferBody", "PUBLIC_SECURITY")
                .putValue("transferredOn", "2031-03-04").putValue("referenceNumber", "哈公移〔2031〕7号"));

        assertThat(clue).isEnded().hasPassed("ClueTransferred");
        assertThat(recorded).containsExactly("received c-RS-A", "transferred c-RS-A");
    }

    @Test
    void theReceiptDeadlineRemindsAndEscalates() {
        ProcessInstance clue = report("RS-B");

        correlate("DeadlineReminder", "receipt-RS-B");
        correlate("DeadlineBreached", "receipt-RS-B");

        assertThat(clue).hasPassed("RemindReceipt", "ReceiptReminded").isWaitingAt("ReceiveClue", "EscalateOverdueClueReceipt");
        var escalation = taskService().createTaskQuery().processInstanceId(clue.getId())
                .taskDefinitionKey("EscalateOverdueClueReceipt").singleResult();
        assertThat(escalation).hasCandidateGroup("supervisor-HRB");
        complete(escalation, Variables.createVariables().putValue("supervisionAction", "URGED"));
        assertThat(clue).hasPassed("ReceiptSupervised");
        assertThat(recorded).contains("reminded receipt-RS-B", "supervised receipt-RS-B");
    }

    @Test
    void theTransferDeadlineRemindsAndEscalatesWhileTheReceiptDeadlineNoLongerCorrelates() {
        ProcessInstance clue = report("RS-C");
        complete(task(clue));

        assertThatThrownBy(() -> correlate("DeadlineBreached", "receipt-RS-C"))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        correlate("DeadlineReminder", "transfer-RS-C");
        correlate("DeadlineBreached", "transfer-RS-C");

        assertThat(clue).hasPassed("RemindTransfer").hasNotPassed("EscalateOverdueClueReceipt")
                .isWaitingAt("RecordClueTransfer", "EscalateOverdueClueTransfer");
        var escalation = taskService().createTaskQuery().processInstanceId(clue.getId())
                .taskDefinitionKey("EscalateOverdueClueTransfer").singleResult();
        assertThat(escalation).hasCandidateGroup("supervisor-HRB");
        complete(escalation);
        complete(taskService().createTaskQuery().processInstanceId(clue.getId()).taskDefinitionKey("RecordClueTransfer")
                .singleResult());
        assertThat(clue).isEnded();
        assertThat(recorded).contains("reminded transfer-RS-C", "supervised transfer-RS-C");
    }

    @Test
    void aRefusedReportLeavesNoInstance() {
        refuse = true;

        assertThatThrownBy(() -> report("RS-X")).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("不是本中心承担的评标场次");
        assertThat(processInstanceQuery().processDefinitionKey("clue-report").count()).isZero();
    }

    /** A partner's sub-venue passes its clue on through the exchange: it arrives at the same receipt as a local one. */
    @Test
    void aPartnersClueStartsAtItsMessageAndIsReceivedAndTransferredLikeALocalOne() {
        ProcessInstance clue = runtimeService().startProcessInstanceByMessage("PartnerCluePassedOn", "t-partner",
                Variables.createVariables().putValue("clueId", "c-partner").putValue("mainCenter", "HRB")
                        .putValue("sessionCode", "JL-S-1"));

        assertThat(clue).hasBusinessKey("t-partner").hasPassed("PartnerClueArrived", "AwaitPartnerClueReceipt")
                .hasNotPassed("ReportClue").isWaitingAt("ReceiveClue");
        assertThat(task(clue)).hasCandidateGroup("staff-HRB");
        assertThat(runtimeService().getVariable(clue.getId(), "deadlineId")).isEqualTo("receipt-c-partner");
        runtimeService().createMessageCorrelation("DeadlineReminder").processInstanceVariableEquals("deadlineId", "receipt-c-partner")
                .correlateAll();
        assertThat(recorded).containsExactly("reminded receipt-c-partner");

        complete(task(clue), Variables.createVariables().putValue("clueReceived", true));
        complete(task(clue), Variables.createVariables().putValue("transferBody", "PUBLIC_SECURITY"));
        assertThat(clue).isEnded().hasPassed("ClueTransferred");
        assertThat(recorded).containsSubsequence("received c-partner", "transferred c-partner");
    }

    private static ProcessInstance report(String sessionCode) {
        return runtimeService().startProcessInstanceByKey("clue-report", Variables.createVariables()
                .putValue("sessionCode", sessionCode).putValue("foundOn", "2031-03-03").putValue("category", "FRAUD"));
    }

    private static void correlate(String message, String deadlineId) {
        runtimeService().createMessageCorrelation(message).processInstanceVariableEquals("deadlineId", deadlineId)
                .correlate();
    }
}
