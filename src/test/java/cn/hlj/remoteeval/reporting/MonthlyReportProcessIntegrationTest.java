package cn.hlj.remoteeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.deadline.internal.DeadlineResync;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ControllableClock;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * The monthly report's process on the real engine, Quartz and clock: a month started by hand, its 13
 * city centers' reviews, the roll-up and the submission; the 5th-day deadline's reminder and breach
 * fired by Quartz; the job on the 1st started twice and starting once. Each test reports a past month it
 * owns ({@link OwnPeriods#pastMonth()}), with the application's clock set back to the first days of the
 * month after it, so that moving the clock never reaches another test's deadlines.
 */
@RemoteEvalIntegrationTest
class MonthlyReportProcessIntegrationTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");
    private static final JobKey START_JOB = JobKey.jobKey("monthly-report-start", "reporting");

    @Autowired
    Api api;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    Deadlines deadlines;
    @Autowired
    DeadlineResync resync;
    @Autowired
    ControllableClock clock;
    @Autowired
    Scheduler scheduler;
    @Autowired
    TradingCenters centers;
    @Autowired
    MonthlyReports reports;
    @Autowired
    AuditLog audit;

    @AfterEach
    void resetTheClock() {
        clock.reset();
        resync.resync();
    }

    @Test
    void aMonthStartedByHandIsReviewedByThirteenCentersRolledUpAndSubmittedInTime() throws Exception {
        YearMonth month = OwnPeriods.pastMonth();
        clock.set(month.plusMonths(1).atDay(2).atTime(10, 0).atZone(PROVINCE).toInstant());
        String path = "/api/reports/monthly/" + month;

        api.postRaw("staff-prov", path + "/review", "").andExpect(status().isForbidden());
        api.postRaw("demo", "/api/reports/monthly/" + month.plusMonths(1) + "/review", "")
                .andExpect(status().isUnprocessableEntity());
        JsonNode started = api.read(api.postRaw("demo", path + "/review", "").andExpect(status().isCreated()));
        assertThat(started.get("businessKey").asText()).isEqualTo("monthly-report:" + month);
        api.postRaw("demo", path + "/review", "").andExpect(status().isConflict());
        String instanceId = started.get("processInstanceId").asText();

        List<String> cityCenters = centers.all().stream().map(TradingCenter::code).filter(c -> !c.equals("PROV")).toList();
        assertThat(cityCenters).hasSize(13);
        List<Task> centerTasks = tasks(instanceId, "ReviewCenterReport");
        assertThat(centerTasks).hasSize(13);
        assertThat(centerTasks.stream().map(this::candidateGroup).collect(Collectors.toSet()))
                .isEqualTo(cityCenters.stream().map(c -> "staff-" + c).collect(Collectors.toSet()));

        DeadlineTicket deadline = deadlineOf(instanceId);
        assertThat(deadline.state()).isEqualTo(DeadlineState.SCHEDULED);
        assertThat(deadline.dueDate()).isEqualTo(month.plusMonths(1).atDay(5));
        assertThat(centerTasks.get(0).getDueDate()).isEqualTo(deadline.dueAtAsDate());

        // A center reads its own figures, not another's.
        JsonNode hrb = api.read(api.get("staff-hrb", path + "/centers/HRB").andExpect(status().isOk()));
        assertThat(hrb.get("code").asText()).isEqualTo("HRB");
        assertThat(hrb.get("figures").size()).isEqualTo(ReportFigure.values().length);
        String other = cityCenters.stream().filter(c -> !c.equals("HRB")).findFirst().orElseThrow();
        api.get("staff-hrb", path + "/centers/" + other).andExpect(status().isForbidden());
        api.get("tenderer", path + "/centers/HRB").andExpect(status().isForbidden());
        for (String reader : List.of("supervisor-hrb", "staff-prov", "drc", "demo")) {
            api.get(reader, path + "/centers/HRB").andExpect(status().isOk());
        }

        Task first = centerTasks.get(0);
        String firstCenter = candidateGroup(first).substring("staff-".length());
        assertThatThrownBy(() -> EngineActor.as(identity, "staff-" + firstCenter.toLowerCase(), "staff-" + firstCenter,
                () -> tasks.complete(first.getId(), Map.of("centerFiguresConfirmed", false))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("已核对本中心月度数据");
        for (Task task : centerTasks) {
            String group = candidateGroup(task);
            EngineActor.as(identity, group.toLowerCase(), group,
                    () -> tasks.complete(task.getId(), Map.of("centerFiguresConfirmed", true, "centerRemark", "NONE")));
        }

        Task provincial = tasks(instanceId, "ReviewProvincialReport").get(0);
        assertThat(candidateGroup(provincial)).isEqualTo("staff-PROV");
        api.get("demo", path + "/submission").andExpect(status().isNotFound());
        EngineActor.as(identity, "staff-prov", "staff-PROV",
                () -> tasks.complete(provincial.getId(), Map.of("provincialReportConfirmed", true)));

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getState())
                .isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(deadlines.find(deadline.id()).orElseThrow().state()).isEqualTo(DeadlineState.COMPLETED);
        JsonNode submission = api.read(api.get("drc", path + "/submission").andExpect(status().isOk()));
        assertThat(submission.get("submittedBy").asText()).isEqualTo("staff-prov");
        assertThat(submission.get("late").asBoolean()).isFalse();
        assertThat(submission.get("figuresDigest").asText()).hasSize(64);
        api.get("staff-hrb", path + "/submission").andExpect(status().isForbidden());
        api.get("demo", "/api/reports/monthly/" + month.minusMonths(1) + "/submission").andExpect(status().isNotFound());
    }

    @Test
    void theFifthDaysReminderAndBreachFireThroughQuartzAndTheProvincialSupervisorsEscalate() throws Exception {
        YearMonth month = OwnPeriods.pastMonth();
        clock.set(month.plusMonths(1).atDay(1).atTime(2, 0).atZone(PROVINCE).toInstant());
        String instanceId = api.read(api.postRaw("demo", "/api/reports/monthly/" + month + "/review", "")
                .andExpect(status().isCreated())).get("processInstanceId").asText();
        DeadlineTicket deadline = deadlineOf(instanceId);
        assertThat(deadline.remindAt()).isEqualTo(month.plusMonths(1).atDay(3).atTime(9, 0).atZone(PROVINCE).toInstant());

        clock.set(deadline.remindAt().minusSeconds(2));
        resync.resync();
        awaitUntil(() -> deadlines.find(deadline.id()).orElseThrow().state() == DeadlineState.REMINDED);
        awaitUntil(() -> passed(instanceId, "RemindMonthlyReport"));
        assertThat(tasks(instanceId, "ReviewCenterReport")).hasSize(13).allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(80));
        awaitUntil(() -> audit.entriesFor("MONTHLY_REPORT", month.toString()).stream()
                .anyMatch(e -> e.action().equals("MONTHLY_REPORT_REMINDED")));
        assertThat(tasks(instanceId, "EscalateLateMonthlyReport")).isEmpty();

        clock.set(deadline.dueAt().minusSeconds(2));
        resync.resync();
        awaitUntil(() -> deadlines.find(deadline.id()).orElseThrow().state() == DeadlineState.BREACHED);
        awaitUntil(() -> tasks(instanceId, "EscalateLateMonthlyReport").size() == 1);
        Task escalation = tasks(instanceId, "EscalateLateMonthlyReport").get(0);
        assertThat(candidateGroup(escalation)).isEqualTo("supervisor-PROV");
        EngineActor.as(identity, "supervisor-prov", "supervisor-PROV",
                () -> tasks.complete(escalation.getId(), Map.of("supervisionAction", "URGED")));

        for (Task task : tasks(instanceId, "ReviewCenterReport")) {
            String group = candidateGroup(task);
            EngineActor.as(identity, group.toLowerCase(), group,
                    () -> tasks.complete(task.getId(), Map.of("centerFiguresConfirmed", true)));
        }
        Task provincial = tasks(instanceId, "ReviewProvincialReport").get(0);
        EngineActor.as(identity, "staff-prov", "staff-PROV",
                () -> tasks.complete(provincial.getId(), Map.of("provincialReportConfirmed", true)));

        JsonNode submission = api.read(api.get("staff-prov", "/api/reports/monthly/" + month + "/submission")
                .andExpect(status().isOk()));
        assertThat(submission.get("late").asBoolean()).isTrue();
        // The breach stands; the late completion is recorded beside it.
        assertThat(deadlines.find(deadline.id()).orElseThrow().state()).isEqualTo(DeadlineState.BREACHED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
    }

    @Test
    void theJobOnTheFirstFiredTwiceStartsTheMonthJustEndedOnce() throws Exception {
        YearMonth month = OwnPeriods.pastMonth();
        clock.set(month.plusMonths(1).atDay(1).atTime(1, 0, 30).atZone(PROVINCE).toInstant());
        String businessKey = "monthly-report:" + month;

        scheduler.triggerJob(START_JOB);
        scheduler.triggerJob(START_JOB);

        awaitUntil(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 1);
        awaitUntil(() -> {
            try {
                return scheduler.getTriggersOfJob(START_JOB).size() == 1 && scheduler.getCurrentlyExecutingJobs().stream()
                        .noneMatch(job -> job.getJobDetail().getKey().equals(START_JOB));
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1_000);
        List<HistoricProcessInstance> started = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list();
        assertThat(started).hasSize(1);
        assertThat(tasks(started.get(0).getId(), "ReviewCenterReport")).hasSize(13);
        api.postRaw("demo", "/api/reports/monthly/" + month + "/review", "").andExpect(status().isConflict());

        DeadlineTicket deadline = deadlineOf(started.get(0).getId());
        deadlines.cancel(deadline.id());
        runtime.deleteProcessInstance(started.get(0).getId(), "test over");
        // Finished instances count too: the month is not started again.
        api.postRaw("demo", "/api/reports/monthly/" + month + "/review", "").andExpect(status().isConflict());
    }

    private DeadlineTicket deadlineOf(String instanceId) {
        String id = (String) runtime.getVariable(instanceId, "deadlineId");
        return deadlines.find(id).orElseThrow();
    }

    private List<Task> tasks(String instanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).list();
    }

    private String candidateGroup(Task task) {
        Set<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).collect(Collectors.toSet());
        assertThat(groups).hasSize(1);
        return groups.iterator().next();
    }

    private boolean passed(String instanceId, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId(activityId)
                .finished().count() > 0;
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("not reached within 30 s");
            }
            Thread.sleep(200);
        }
    }
}
