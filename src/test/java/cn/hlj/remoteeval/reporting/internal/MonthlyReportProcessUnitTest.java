package cn.hlj.remoteeval.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/**
 * Every path of {@code bpmn/monthly-report.bpmn} on the real model: the centers' reviews, the
 * provincial review, the submission; the reminder and the breach of the month's deadline during the
 * reviews; nothing correlates once the report is submitted.
 */
@Deployment(resources = { "bpmn/monthly-report.bpmn", "forms/monthly-report-center-review.form",
        "forms/monthly-report-provincial-review.form", "forms/monthly-report-escalation.form" })
class MonthlyReportProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private final List<String> recorded = new ArrayList<>();

    @BeforeEach
    void standIn() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("openMonthlyReportDeadline", (JavaDelegate) execution -> {
            recorded.add("opened " + execution.getVariable("month"));
            execution.setVariable("deadlineId", "report-" + execution.getVariable("month"));
        });
        Mocks.register("recordCenterReview", (TaskListener) task -> recorded.add("confirmed " + task.getVariable("centerCode")));
        Mocks.register("recordProvincialReview", (TaskListener) task -> recorded.add("reviewed PROV"));
        Mocks.register("submitMonthlyReport", (JavaDelegate) execution -> recorded.add("submitted " + execution.getVariable("month")));
        Mocks.register("monthlyReportReminder", (JavaDelegate) execution -> recorded.add("reminded " + execution.getVariable("deadlineId")));
        Mocks.register("recordMonthlyReportEscalation", (TaskListener) task -> recorded.add("escalated " + task.getVariable("deadlineId")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void eachCityCenterConfirmsItsFiguresThenTheProvinceReviewsAndSubmits() {
        ProcessInstance report = start("2031-04", List.of("HRB", "QQHR", "MDJ"));

        assertThat(report).hasBusinessKey("monthly-report:2031-04").hasPassed("OpenMonthlyReportDeadline")
                .isWaitingAt("ReviewCenterReport");
        assertThat(tasks(report, "ReviewCenterReport")).hasSize(3);
        for (String code : List.of("HRB", "QQHR", "MDJ")) {
            Task center = taskService().createTaskQuery().processInstanceId(report.getId())
                    .taskCandidateGroup("staff-" + code).singleResult();
            assertThat(center).hasDefinitionKey("ReviewCenterReport");
            assertThat(runtimeService().getVariable(center.getExecutionId(), "centerCode")).isEqualTo(code);
            complete(center, Variables.createVariables().putValue("centerFiguresConfirmed", true));
        }

        assertThat(report).isWaitingAt("ReviewProvincialReport");
        assertThat(task(report)).hasCandidateGroup("staff-PROV").hasDefinitionKey("ReviewProvincialReport");
        complete(task(report), Variables.createVariables().putValue("provincialReportConfirmed", true));

        assertThat(report).isEnded().hasPassed("SubmitToDrc", "Submitted").hasNotPassed("RemindMonthlyReport",
                "EscalateLateMonthlyReport");
        assertThat(recorded).containsExactly("opened 2031-04", "confirmed HRB", "confirmed QQHR", "confirmed MDJ", "reviewed PROV", "submitted 2031-04");
    }

    @Test
    void theReminderDuringTheCentersReviewsRemindsAndTheReviewsGoOn() {
        ProcessInstance report = start("2031-05", List.of("HRB", "JMS"));

        correlate("DeadlineReminder", "report-2031-05");

        assertThat(report).hasPassed("RemindMonthlyReport", "ReportReminded").isWaitingAt("ReviewCenterReport");
        assertThat(tasks(report, "ReviewCenterReport")).hasSize(2);
        assertThat(recorded).contains("reminded report-2031-05");
    }

    @Test
    void theBreachDuringTheProvincialReviewEscalatesToTheProvincialSupervisorsAndTheReportIsStillSubmitted() {
        ProcessInstance report = start("2031-06", List.of("HRB"));
        complete(task(report));
        assertThat(report).isWaitingAt("ReviewProvincialReport");

        correlate("DeadlineReminder", "report-2031-06");
        correlate("DeadlineBreached", "report-2031-06");

        assertThat(report).isWaitingAt("ReviewProvincialReport", "EscalateLateMonthlyReport");
        Task escalation = tasks(report, "EscalateLateMonthlyReport").get(0);
        assertThat(escalation).hasCandidateGroup("supervisor-PROV");
        complete(escalation, Variables.createVariables().putValue("supervisionAction", "URGED"));
        assertThat(report).hasPassed("ReportSupervised").isWaitingAt("ReviewProvincialReport");

        complete(tasks(report, "ReviewProvincialReport").get(0));
        assertThat(report).isEnded().hasPassed("SubmitToDrc");
        assertThat(recorded).contains("reminded report-2031-06", "escalated report-2031-06", "submitted 2031-06");
    }

    @Test
    void aSubmittedReportNoLongerWaitsForTheDeadline() {
        ProcessInstance report = start("2031-07", List.of("HRB"));
        complete(task(report));
        complete(task(report));

        assertThat(report).isEnded();
        assertThat(runtimeService().createMessageCorrelation("DeadlineBreached")
                .processInstanceVariableEquals("deadlineId", "report-2031-07").correlateAllWithResult()).isEmpty();
    }

    private static ProcessInstance start(String month, List<String> centers) {
        return runtimeService().startProcessInstanceByKey("monthly-report", "monthly-report:" + month,
                Variables.createVariables().putValue("month", month).putValue("centerCodes", new ArrayList<>(centers)));
    }

    private static List<Task> tasks(ProcessInstance report, String key) {
        return taskService().createTaskQuery().processInstanceId(report.getId()).taskDefinitionKey(key).list();
    }

    private static void correlate(String message, String deadlineId) {
        runtimeService().createMessageCorrelation(message).processInstanceVariableEquals("deadlineId", deadlineId)
                .correlate();
    }
}
