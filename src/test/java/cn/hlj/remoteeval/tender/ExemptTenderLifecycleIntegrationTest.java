package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.DeadlineVariables;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Persisted;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/** Policy 一(二): an exemption is declared, then the winner, then the written explanation to the supervisor. */
@RemoteEvalIntegrationTest
class ExemptTenderLifecycleIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Persisted persisted;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    IdentityService identity;
    @Autowired
    Deadlines deadlines;

    private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void exemptTenderWaitsForItsWinnerAndThenForTheWrittenExplanation() throws Exception {
        // Above the construction threshold on purpose: the exemption is not a scope rule and overrides it.
        JsonNode created = api.register(TenderBody.valid().category("CONSTRUCTION", "150000000.00")
                .with("tenderer", TenderBody.DEMO_TENDERER).exemption("STATE_SECRET", "涉及国家秘密的军工配套工程"));
        String id = created.get("id").asText();

        assertThat(created.get("scope").asText()).isEqualTo("EXEMPT");
        assertThat(created.get("scopeReasons").get(0).asText()).isEqualTo("EXEMPTION_STATE_SECRET");
        assertThat(created.get("exemption").get("detail").asText()).isEqualTo("涉及国家秘密的军工配套工程");
        assertThat(created.get("rollout").isNull()).isTrue();
        assertThat(created.get("state").asText()).isEqualTo("AWAITING_WINNING_BIDDER");
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(instance).isWaitingAt("AwaitWinningBidder").hasNotPassed("DecideScope");

        api.post("staff-hrb", "/api/tenders/" + id + "/winner",
                Map.of("winningBidder", "黑龙江某建设集团有限公司", "decidedOn", today))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("AWAITING_EXEMPTION_EXPLANATION"))
                .andExpect(jsonPath("$.winner.winningBidder").value("黑龙江某建设集团有限公司"));
        assertThat(instance).isWaitingAt("AwaitExemptionExplanation");

        api.post("tenderer", "/api/tenders/" + id + "/exemption-explanation",
                Map.of("explanation", "黑招说〔2026〕12号：涉及国家秘密，不宜远程异地评标。", "submittedOn", today))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("EXEMPTION_EXPLAINED"))
                .andExpect(jsonPath("$.exemptionExplanation.submittedOn").value(today));
        assertThat(instance).isWaitingAt("AcknowledgeExemptionExplanation");

        Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("supervisor-HRB").count()).isOne();
        assertThat(forms.getTaskFormVariables(task.getId()).getValueTyped("explanationText").getValue())
                .isEqualTo("黑招说〔2026〕12号：涉及国家秘密，不宜远程异地评标。");
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\": \"exemption-explanation-acknowledgement\"").contains("已收到招标人的书面说明");
        }
        identity.setAuthentication("supervisor-hrb", List.of("supervisor-HRB"));
        try {
            tasks.claim(task.getId(), "supervisor-hrb");
            forms.submitTaskForm(task.getId(), Map.of("explanationReceived", true));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(instance).isEnded().hasPassed("ExemptionExplained");
        api.get("staff-hrb", "/api/tenders/" + id)
                .andExpect(jsonPath("$.state").value("EXEMPTION_ACKNOWLEDGED"))
                .andExpect(jsonPath("$.exemptionExplanation.acknowledgedAt").isNotEmpty());
    }

    @Test
    void theExplanationIsDueFifteenCalendarDaysAfterTheAwardAndFilingItEndsTheDeadline() throws Exception {
        String id = api.register(TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER)
                .exemption("SPECIAL_PROFESSION", "专业特殊")).get("id").asText();
        api.post("staff-hrb", "/api/tenders/" + id + "/winner", Map.of("winningBidder", "某公司", "decidedOn", today))
                .andExpect(status().isOk());
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(id).singleResult();
        String deadlineId = (String) runtime.getVariable(instance.getId(), DeadlineVariables.DEADLINE_ID);

        DeadlineTicket ticket = deadlines.find(deadlineId).orElseThrow();
        assertThat(ticket.kind()).isEqualTo(DeadlineKind.EXEMPTION_EXPLANATION);
        assertThat(ticket.state()).isEqualTo(DeadlineState.SCHEDULED);
        assertThat(ticket.dueDate()).isEqualTo(LocalDate.parse(today).plusDays(15));
        assertThat(runtime.getVariable(instance.getId(), DeadlineVariables.DEADLINE_DUE_AT))
                .isEqualTo(java.util.Date.from(ticket.dueAt()));

        api.post("tenderer", "/api/tenders/" + id + "/exemption-explanation",
                Map.of("explanation", "说明", "submittedOn", today)).andExpect(status().isOk());

        assertThat(deadlines.find(deadlineId).orElseThrow().state()).isEqualTo(DeadlineState.COMPLETED);
        assertThat(instance).isWaitingAt("AcknowledgeExemptionExplanation").hasNotPassed("EscalateOverdueExplanation");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("AcknowledgeExemptionExplanation")
                .singleResult().getDueDate()).isEqualTo(java.util.Date.from(ticket.dueAt()));
    }

    @Test
    void anExplanationStillMissingFifteenDaysAfterTheAwardIsEscalatedToTheSupervisor() throws Exception {
        String id = api.register(TenderBody.valid().exemption("LAW", "法律规定")).get("id").asText();
        String decidedOn = LocalDate.parse(today).minusDays(20).toString();

        api.post("staff-hrb", "/api/tenders/" + id + "/winner", Map.of("winningBidder", "某公司", "decidedOn", decidedOn))
                .andExpect(status().isOk());

        Task escalation = awaitTask(id, "EscalateOverdueExplanation");
        assertThat(tasks.createTaskQuery().taskId(escalation.getId()).taskCandidateGroup("supervisor-HRB").count()).isOne();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(id).singleResult();
        assertThat(instance).isWaitingAt("AwaitExemptionExplanation", "EscalateOverdueExplanation");
        String deadlineId = (String) runtime.getVariable(instance.getId(), DeadlineVariables.DEADLINE_ID);
        assertThat(deadlines.find(deadlineId).orElseThrow().state()).isEqualTo(DeadlineState.BREACHED);
    }

    private Task awaitTask(String tenderId, String taskKey) throws InterruptedException {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < giveUp) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(tenderId).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No task " + taskKey + " for tender " + tenderId + " within 60 s");
    }

    @Test
    void theSupervisorTaskIsVisibleToTheMainVenueSupervisorsOnly() throws Exception {
        String id = api.register(TenderBody.valid().exemption("OTHER", "其他")).get("id").asText();
        api.post("staff-hrb", "/api/tenders/" + id + "/winner", Map.of("winningBidder", "某公司", "decidedOn", today));
        api.post("supervisor-hrb", "/api/tenders/" + id + "/exemption-explanation",
                Map.of("explanation", "说明", "submittedOn", today)).andExpect(status().isOk());

        assertThat(visibleTasks("supervisor-hrb", "supervisor-HRB", id)).isOne();
        assertThat(visibleTasks("supervisor-mdj", "supervisor-MDJ", id)).isZero();
        assertThat(visibleTasks("staff-hrb", "staff-HRB", id)).isZero();
    }

    private long visibleTasks(String user, String group, String tenderId) {
        identity.setAuthentication(user, List.of(group));
        try {
            return tasks.createTaskQuery().processInstanceBusinessKey(tenderId).count();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void refusesTheExplanationBeforeTheWinnerIsKnownAndChangesNothing() throws Exception {
        String id = api.register(TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER)
                .exemption("TECHNICAL_COMPLEXITY", "技术复杂")).get("id").asText();
        Map<String, Long> before = persisted.snapshot();

        api.post("tenderer", "/api/tenders/" + id + "/exemption-explanation",
                Map.of("explanation", "说明", "submittedOn", today))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("等待确定中标人")));

        assertThat(persisted.snapshot()).isEqualTo(before);
        api.get("staff-hrb", "/api/tenders/" + id).andExpect(jsonPath("$.state").value("AWAITING_WINNING_BIDDER"));
    }

    @Test
    void refusesAWinnerForATenderThatIsNotExempt() throws Exception {
        String id = api.register(TenderBody.valid()).get("id").asText();

        api.post("staff-hrb", "/api/tenders/" + id + "/winner", Map.of("winningBidder", "某公司", "decidedOn", today))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyTheMainVenueStaffRecordTheWinner() throws Exception {
        String id = api.register(TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER).exemption("LAW", "法律规定"))
                .get("id").asText();

        // Another center's staff may not even read the tender: to them it does not exist.
        api.post("staff-mdj", "/api/tenders/" + id + "/winner", Map.of("winningBidder", "某公司", "decidedOn", today))
                .andExpect(status().isNotFound());
        api.post("tenderer", "/api/tenders/" + id + "/winner", Map.of("winningBidder", "某公司", "decidedOn", today))
                .andExpect(status().isForbidden());
    }

    @Test
    void validatesTheWinnerRequest() throws Exception {
        String id = api.register(TenderBody.valid().exemption("OTHER", "其他")).get("id").asText();
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

        api.post("staff-hrb", "/api/tenders/" + id + "/winner", Map.of("winningBidder", " ", "decidedOn", tomorrow))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(
                        org.hamcrest.Matchers.containsInAnyOrder("winningBidder", "decidedOn")));
    }
}
