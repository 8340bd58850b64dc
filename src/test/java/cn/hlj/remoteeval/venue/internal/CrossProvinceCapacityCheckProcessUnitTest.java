package cn.hlj.remoteeval.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code bpmn/cross-province-capacity-check.bpmn} on the real model: the daily timer,
 * and both branches of the gateway. The service task's delegate is stood in for by setting the
 * variables the real one sets.
 */
@Deployment(resources = { "bpmn/cross-province-capacity-check.bpmn" })
class CrossProvinceCapacityCheckProcessUnitTest {

    private static final String KEY = "cross-province-capacity-check";
    private static final String REPORT = "检查范围：2031-03-01 至 2031-03-31\n齐齐哈尔市公共资源交易中心 2031-03-05 可用跨省工位 8 个（不少于 10 个）";

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private int shortfallCount;

    @BeforeEach
    void standInForBeans() {
        BpmnAwareTests.init(engine.getProcessEngine());
        // Registered before the deployment: the timer's cron expression is resolved when the model is deployed.
        Mocks.register("crossProvinceCapacitySchedule", new CrossProvinceCapacitySchedule("0 0 7 * * ?"));
        Mocks.register("crossProvinceCapacityCheck", (JavaDelegate) execution -> {
            execution.setVariable(CrossProvinceCapacityCheckDelegate.SHORTFALL_COUNT, shortfallCount);
            execution.setVariable(CrossProvinceCapacityCheckDelegate.SHORTFALL_REPORT,
                    shortfallCount == 0 ? "检查范围：2031-03-01 至 2031-03-31\n各常设跨省远程异地评标副场的可用跨省工位均满足要求。" : REPORT);
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theDailyTimerStartsTheCheckAndSchedulesTheNextOne() {
        Job timer = startTimer();
        assertThat(managementService().createJobDefinitionQuery().processDefinitionKey(KEY).singleResult()
                .getJobConfiguration()).isEqualTo("CYCLE: ${crossProvinceCapacitySchedule.cron}");
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        assertThat(Duration.between(LocalDateTime.now(), due)).isPositive().isLessThanOrEqualTo(Duration.ofDays(1));

        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());

        HistoricProcessInstance run = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .singleResult();
        assertThat(run).isNotNull();
        assertThat(run.getEndTime()).isNotNull();
        assertThat(passed(run.getId())).contains("CapacityCheckDue", "CheckCrossProvinceCapacity", "CapacitySufficient");
        Job next = startTimer();
        assertThat(next.getId()).isNotEqualTo(timer.getId());
        assertThat(Duration.between(timer.getDuedate().toInstant(), next.getDuedate().toInstant()))
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void noShortfallEndsWithoutATask() {
        shortfallCount = 0;

        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY);

        assertThat(instance).isEnded().hasPassed("CheckCrossProvinceCapacity", "CapacitySufficient")
                .hasNotPassed("ReviewCrossProvinceCapacity");
    }

    @Test
    void aShortfallGoesToTheProvincialStaffWithTheReport() {
        shortfallCount = 1;

        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY);

        assertThat(instance).isWaitingAt("ReviewCrossProvinceCapacity").hasNotPassed("CapacitySufficient")
                .variables().containsEntry("shortfallCount", 1).containsEntry("shortfallReport", REPORT);
        assertThat(task(instance)).hasCandidateGroup("staff-PROV").hasName("核查跨省工位不足情况");
        CamundaFormRef form = taskService().createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys()
                .singleResult().getCamundaFormRef();
        assertThat(form.getKey()).isEqualTo("cross-province-capacity-review");
        assertThat(form.getBinding()).isEqualTo("latest");

        complete(task(instance), Map.of("capacityReviewed", true));

        assertThat(instance).isEnded().hasPassed("CapacityShortfallReviewed");
    }

    private static Job startTimer() {
        return managementService().createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    }

    private static java.util.List<String> passed(String processInstanceId) {
        return historyService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list()
                .stream().map(HistoricActivityInstance::getActivityId).toList();
    }
}
