package cn.hlj.remoteeval.crossprovince.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.reporting.ReportNoteSource;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The partner register through the API (who may read and change it, problem answers, 409 for a step
 * the state does not allow), the dashboard, the alert task and the report's notes. Each test uses
 * its own provinces; counts are compared before and after, since the register is shared.
 */
@RemoteEvalIntegrationTest
class PartnerProvinceIntegrationTest {

    private static final String PATH = "/api/partner-provinces";
    private static final String PROBLEM = "application/problem+json";

    @Autowired
    Api api;
    @Autowired
    PartnerTargetWatch watch;
    @Autowired
    List<ReportNoteSource> noteSources;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    private ResultActions post(String user, String path, Object body) throws Exception {
        return api.post(user, path, body);
    }

    private void registerConnected(String user, String code, String started, String passed, String connected)
            throws Exception {
        post(user, PATH, Map.of("code", code, "negotiationStartedOn", started)).andExpect(status().isCreated());
        post(user, PATH + "/" + code + "/joint-test", Map.of("passedOn", passed)).andExpect(status().isOk());
        post(user, PATH + "/" + code + "/connection", Map.of("connectedOn", connected)).andExpect(status().isOk());
    }

    @Test
    void provincialStaffWalkAProvinceThroughItsStepsAndTheHistoryKeepsThem() throws Exception {
        post("staff-prov", PATH, Map.of("code", "jl", "negotiationStartedOn", "2024-03-01"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("JL"))
                .andExpect(jsonPath("$.name").value("吉林省"))
                .andExpect(jsonPath("$.state").value("NEGOTIATING"))
                .andExpect(jsonPath("$.stateLabel").value("洽谈中"));

        post("staff-prov", PATH + "/JL/connection", Map.of("connectedOn", "2024-06-01"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("尚未通过联调测试")));
        post("staff-prov", PATH + "/JL/resumption", Map.of("resumedOn", "2024-06-01"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("洽谈中")));

        post("staff-prov", PATH + "/JL/joint-test", Map.of("passedOn", "2024-02-29"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("passedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("不能早于上一步骤的日期")));
        post("staff-prov", PATH + "/JL/joint-test", Map.of("passedOn", "2024-05-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("JOINT_TEST_PASSED"));
        post("staff-prov", PATH + "/JL/connection", Map.of("connectedOn", "2024-06-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CONNECTED"));
        post("staff-prov", PATH + "/JL/suspension", Map.of("suspendedOn", "2024-07-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("暂停原因不能为空"));
        post("staff-prov", PATH + "/JL/suspension", Map.of("suspendedOn", "2024-07-01", "reason", "对方平台升级"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUSPENDED"))
                .andExpect(jsonPath("$.suspensionReason").value("对方平台升级"));
        post("staff-prov", PATH + "/JL/resumption", Map.of("resumedOn", "2024-08-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CONNECTED"))
                .andExpect(jsonPath("$.version").value(5));

        JsonNode view = api.read(api.get("drc", PATH + "/JL").andExpect(status().isOk()));
        assertThat(view.get("history")).hasSize(5);
        assertThat(view.get("history").get(0).get("to").asText()).isEqualTo("NEGOTIATING");
        assertThat(view.get("history").get(3).get("reason").asText()).isEqualTo("对方平台升级");
        assertThat(view.get("history").get(4).get("from").asText()).isEqualTo("SUSPENDED");
        assertThat(view.get("history").get(4).get("effectiveOn").asText()).isEqualTo("2024-08-01");
        assertThat(view.get("history").get(4).get("changedBy").asText()).isEqualTo("staff-prov");

        post("staff-prov", PATH, Map.of("code", "JL", "negotiationStartedOn", "2024-03-01"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void onlyProvincialStaffAndOperatorsChangeTheRegisterAndTheDrcReadsIt() throws Exception {
        for (String user : List.of("staff-hrb", "supervisor-hrb", "drc", "tenderer")) {
            post(user, PATH, Map.of("code", "LN", "negotiationStartedOn", "2024-03-01"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        }
        post("demo", PATH, Map.of("code", "LN", "negotiationStartedOn", "2024-03-01")).andExpect(status().isCreated());
        for (String user : List.of("staff-hrb", "supervisor-hrb", "tenderer")) {
            post(user, PATH + "/LN/joint-test", Map.of("passedOn", "2024-04-01")).andExpect(status().isForbidden());
            api.get(user, PATH).andExpect(status().isForbidden());
            api.get(user, PATH + "/LN").andExpect(status().isForbidden());
            api.get(user, PATH + "/targets").andExpect(status().isForbidden());
        }
        post("drc", PATH + "/LN/joint-test", Map.of("passedOn", "2024-04-01")).andExpect(status().isForbidden());
        for (String user : List.of("staff-prov", "drc", "demo")) {
            api.get(user, PATH).andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.code == 'LN')].state").value(Matchers.contains("NEGOTIATING")));
            api.get(user, PATH + "/targets").andExpect(status().isOk());
        }
        api.get("staff-prov", PATH + "/LN").andExpect(status().isOk()).andExpect(jsonPath("$.history.length()").value(1));
    }

    @Test
    void badRequestsNameTheFieldInChineseAndChangeNothing() throws Exception {
        post("staff-prov", PATH, Map.of("code", "XX", "negotiationStartedOn", "2024-13-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("省份代码")))
                .andExpect(jsonPath("$.errors[1].field").value("negotiationStartedOn"))
                .andExpect(jsonPath("$.errors[1].message").value("开始洽谈日期格式应为 YYYY-MM-DD"));
        post("staff-prov", PATH, Map.of("code", "HL", "negotiationStartedOn", "2024-03-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        String tomorrow = LocalDate.now(ReportMonth.PROVINCE).plusDays(2).toString();
        post("staff-prov", PATH, Map.of("code", "NX", "negotiationStartedOn", tomorrow))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("negotiationStartedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("不能晚于今天")));
        api.get("staff-prov", PATH + "/NX").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        post("staff-prov", PATH + "/NX/joint-test", Map.of("passedOn", "2024-04-01")).andExpect(status().isNotFound());
        post("staff-prov", PATH + "/NX/joint-test", Map.of("when", "2024-04-01")).andExpect(status().isBadRequest());
        api.get("staff-prov", PATH + "/targets?on=30.11.2026").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("on"))
                .andExpect(jsonPath("$.errors[0].message").value("评价日期格式应为 YYYY-MM-DD"));
    }

    @Test
    void theDashboardCountsAConnectionFromItsDateAndNotAfterASuspension() throws Exception {
        int before = connectedReached("2026-11-30");
        int beforeJointTests = reached("2026-11-30", 0);
        registerConnected("staff-prov", "NM", "2024-01-10", "2024-02-10", "2024-03-10");
        assertThat(connectedReached("2026-11-30")).isEqualTo(before + 1);
        assertThat(reached("2026-11-30", 0)).isEqualTo(beforeJointTests + 1);

        post("staff-prov", PATH + "/NM/suspension", Map.of("suspendedOn", "2024-04-10", "reason", "暂停测试"))
                .andExpect(status().isOk());
        assertThat(connectedReached("2026-11-30")).isEqualTo(before);
        // The joint test passed all the same.
        assertThat(reached("2026-11-30", 0)).isEqualTo(beforeJointTests + 1);

        JsonNode dashboard = api.read(api.get("drc", PATH + "/targets?on=2026-11-30").andExpect(status().isOk()));
        assertThat(dashboard.get("on").asText()).isEqualTo("2026-11-30");
        assertThat(dashboard.get("riskDays").asInt()).isEqualTo(30);
        JsonNode novemberTarget = dashboard.get("targets").get(1);
        assertThat(novemberTarget.get("kind").asText()).isEqualTo("CONNECTED");
        assertThat(novemberTarget.get("required").asInt()).isEqualTo(3);
        assertThat(novemberTarget.get("due").asText()).isEqualTo("2026-11-30");
        assertThat(novemberTarget.get("daysLeft").asInt()).isZero();
        assertThat(novemberTarget.get("state").asText())
                .isEqualTo(novemberTarget.get("reached").asInt() >= 3 ? "MET" : "AT_RISK");

        // Today in the province, on either side of a midnight that may fall during the request.
        String dayBefore = LocalDate.now(ReportMonth.PROVINCE).toString();
        JsonNode today = api.read(api.get("staff-prov", PATH + "/targets").andExpect(status().isOk()));
        assertThat(today.get("on").asText()).isIn(dayBefore, LocalDate.now(ReportMonth.PROVINCE).toString());
        assertThat(today.get("targets")).hasSize(3);
    }

    @Test
    void aMissedTargetBecomesOneTaskForTheProvincialCenter() throws Exception {
        LocalDate afterLastTarget = LocalDate.of(2027, 12, 1);
        assumeTrue(connectedReached("2027-12-01", 2) < 5, "fewer than five provinces connected in this run");
        watch.check(afterLastTarget);
        String businessKey = "CONNECTED:5:2027-11-30:MISSED";
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(PartnerTargetAlertProcess.PROCESS_KEY).processInstanceBusinessKey(businessKey)
                .singleResult();
        assertThat(instance).isNotNull();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("staff-PROV")
                .singleResult();
        assertThat(task.getName()).isEqualTo("合作省份目标预警");
        assertThat(runtime.getVariable(instance.getId(), "targetStateLabel")).isEqualTo("未按期完成");
        assertThat((String) runtime.getVariable(instance.getId(), "alertText")).contains("2027年11月30日前与不少于 5 个省份实现互联互通");

        assertThat(watch.check(afterLastTarget)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isOne();
    }

    @Test
    void theReportNotesListEveryTargetAsOfTheMonthsLastDay() {
        List<ReportNoteSource.ReportNote> notes = noteSources.stream()
                .flatMap(source -> source.notes(ReportMonth.of(2027, 12)).stream())
                .filter(note -> note.topic().equals(PartnerTargetNotes.TOPIC)).toList();
        assertThat(notes).hasSize(3);
        assertThat(notes.get(2).text()).contains("2027年11月30日前与不少于 5 个省份实现互联互通");
        assertThat(notes.get(2).alert()).isEqualTo(!notes.get(2).text().contains("已完成"));
    }

    @Test
    void theOperatorsPageIsServedAndReadsTheDashboard() throws Exception {
        // A browser opening the page unsigned is sent to sign in; anything not asking for a page gets 401.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/operators.html")
                        .accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().isFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/operators.html"))
                .andExpect(status().isUnauthorized());
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/operators.html")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("staff-prov", "staff-prov")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("合作省份目标完成情况").contains("/api/partner-provinces/targets")
                .contains("/api/reports/monthly/");
    }

    private int connectedReached(String on) throws Exception {
        return reached(on, 1);
    }

    private int connectedReached(String on, int index) throws Exception {
        return reached(on, index);
    }

    private int reached(String on, int index) throws Exception {
        JsonNode dashboard = api.read(api.get("staff-prov", PATH + "/targets?on=" + on).andExpect(status().isOk()));
        return dashboard.get("targets").get(index).get("reached").asInt();
    }
}
