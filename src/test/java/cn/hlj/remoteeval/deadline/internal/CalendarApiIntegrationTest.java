package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.deadline.WorkingDayCalendar;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

@RemoteEvalIntegrationTest
class CalendarApiIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    Deadlines deadlines;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    CalendarStore store;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    static final String PROCESS = "deadline-calendar-test";

    /** A duty whose deadline awaits the calendar, flagged the way the issue 6 delegates do it. */
    private String startWaitingProcess(String deadlineId, int year) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
                    org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                            .startEvent()
                            .serviceTask("flag").camundaExpression("${execution.createIncident('"
                                    + cn.hlj.remoteeval.deadline.DeadlineVariables.INCIDENT_AWAITING_CALENDAR
                                    + "', deadlineId, '年度节假日安排尚未导入')}")
                            .userTask("duty")
                            .endEvent()
                            .done())
                    .deploy();
        }
        return runtime.startProcessInstanceByKey(PROCESS,
                java.util.Map.of(cn.hlj.remoteeval.deadline.DeadlineVariables.DEADLINE_ID, deadlineId)).getId();
    }

    private long incidentsOf(String deadlineId) {
        return runtime.createIncidentQuery()
                .incidentType(cn.hlj.remoteeval.deadline.DeadlineVariables.INCIDENT_AWAITING_CALENDAR)
                .configuration(deadlineId).count();
    }

    @Test
    void theBundledYearsAreLoadedAtStart() {
        assertThat(calendar.loadedYears()).contains(2025, 2026);
        assertThat(store.year(2026)).hasValueSatisfying(year -> assertThat(year.source()).isEqualTo("FILE"));
    }

    @Test
    void staffAskForADueDateAcrossTheSpringFestival() throws Exception {
        api.get("staff-hrb", "/api/calendar/working-days?from=2026-02-12&add=5")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-02-12"))
                .andExpect(jsonPath("$.add").value(5))
                .andExpect(jsonPath("$.date").value("2026-02-26"));
        api.get("tenderer", "/api/calendar/working-days?from=2026-09-30&add=3")
                .andExpect(status().isOk()).andExpect(jsonPath("$.date").value("2026-10-10"));
    }

    @Test
    void aSpanReachingAYearNotLoadedAnswers422NamingTheYear() throws Exception {
        // The first year after the bundled ones that is not loaded (2027 until its schedule is added).
        int missing = 2026;
        while (calendar.loadedYears().contains(missing)) {
            missing++;
        }
        api.get("staff-hrb", "/api/calendar/working-days?from=" + (missing - 1) + "-12-28&add=5")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("add"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(
                        String.valueOf(missing))))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(String.valueOf(missing))));
    }

    @Test
    void badParametersAnswer400NamingTheField() throws Exception {
        api.get("staff-hrb", "/api/calendar/working-days?from=2026-02-30&add=5")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        api.get("staff-hrb", "/api/calendar/working-days?from=2026-02-12&add=-1")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("add"));
        api.get("staff-hrb", "/api/calendar/working-days?from=2026-02-12")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("add"));
        api.get("staff-hrb", "/api/calendar/working-days?from=2026-02-12&add=x")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("add"));
        mvc.perform(MockMvcRequestBuilders.get("/api/calendar/working-days?from=2026-02-12&add=1"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anOperatorUploadsAYearAndTheDeadlinesWaitingForItAreScheduled() throws Exception {
        int year = OwnPeriods.uploadYear();
        LocalDate start = firstMonday(year);
        DeadlineTicket waiting = deadlines.open(DeadlineKind.AV_HANDOVER_TO_MAIN, UUID.randomUUID().toString(),
                "HO-" + UUID.randomUUID(), start);
        assertThat(waiting.state()).isEqualTo(DeadlineState.AWAITING_CALENDAR);
        assertThat(waiting.missingYear()).isEqualTo(year);
        String instance = startWaitingProcess(waiting.id(), year);
        assertThat(incidentsOf(waiting.id())).isOne();
        api.get("demo", "/api/deadlines?state=AWAITING_CALENDAR").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + waiting.id() + "')].missingYear").value(year));
        api.get("demo", "/api/calendar/years").andExpect(status().isOk())
                .andExpect(jsonPath("$.awaitingCalendar[?(@.year == " + year + ")].deadlines").exists());

        // The Tuesday after the start is a holiday, the Saturday after it a working day.
        String csv = "date,kind,name\n" + start.plusDays(1) + ",HOLIDAY,测试假日\n" + start.plusDays(5)
                + ",WORKDAY,测试调休上班\n";
        upload("demo", year, csv).andExpect(status().isOk()).andExpect(jsonPath("$.days").value(2));

        assertThat(calendar.loadedYears()).contains(year);
        // Wed (1), Thu (2), Fri (3), Sat worked (4), Mon (5).
        LocalDate due = start.plusDays(7);
        api.get("staff-hrb", "/api/calendar/working-days?from=" + start + "&add=5")
                .andExpect(status().isOk()).andExpect(jsonPath("$.date").value(due.toString()));
        DeadlineTicket scheduled = deadlines.find(waiting.id()).orElseThrow();
        assertThat(scheduled.state()).isEqualTo(DeadlineState.SCHEDULED);
        assertThat(scheduled.dueDate()).isEqualTo(due);
        assertThat(scheduled.missingYear()).isNull();
        // The operator's gap is closed in Cockpit too, and the waiting duty shows its due time.
        assertThat(incidentsOf(waiting.id())).isZero();
        assertThat(runtime.getVariable(instance, cn.hlj.remoteeval.deadline.DeadlineVariables.DEADLINE_DUE_AT))
                .isEqualTo(scheduled.dueAtAsDate());
        api.get("demo", "/api/calendar/years").andExpect(status().isOk())
                .andExpect(jsonPath("$.years[?(@.year == " + year + ")].source").value("UPLOAD"));

        // A multipart upload replaces the year: now the Tuesday is a working day again.
        MockMultipartFile file = new MockMultipartFile("file", year + ".csv", "text/csv",
                ("date,kind,name\n" + start.plusDays(5) + ",WORKDAY,测试调休上班\n").getBytes(StandardCharsets.UTF_8));
        mvc.perform(MockMvcRequestBuilders.multipart("/api/calendar/years/" + year).file(file)
                .with(request -> {
                    request.setMethod("PUT");
                    return request;
                }).with(httpBasic("demo", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.days").value(1));
        assertThat(calendar.isWorkingDay(start.plusDays(1))).isTrue();
        deadlines.cancel(waiting.id());
        runtime.deleteProcessInstance(instance, "test over");
    }

    @Test
    void oneBadRowRejectsTheWholeFileAndNothingChanges() throws Exception {
        int year = OwnPeriods.uploadYear();
        boolean loadedBefore = calendar.loadedYears().contains(year);
        LocalDate monday = firstMonday(year);
        String csv = "date,kind,name\n"
                + monday + ",HOLIDAY,正常行\n"
                + (year + 1) + "-01-01,HOLIDAY,他年\n"
                + monday.plusDays(1) + ",WORKDAY,工作日调休\n"
                + monday + ",HOLIDAY,重复\n"
                + year + "-13-01,HOLIDAY,坏日期\n"
                + monday.plusDays(2) + ",VACATION,坏类型\n";
        upload("demo", year, csv)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "第3行.date", "第4行.kind", "第5行.date", "第6行.date", "第7行.kind")));
        assertThat(calendar.loadedYears().contains(year)).isEqualTo(loadedBefore);
        upload("demo", year, "date,kind\n" + monday + ",HOLIDAY\n").andExpect(status().isBadRequest());
    }

    @Test
    void onlyOperatorsUploadAndListWaitingDeadlines() throws Exception {
        upload("staff-hrb", 2099, "date,kind,name\n2099-01-01,HOLIDAY,元旦\n").andExpect(status().isForbidden());
        api.get("staff-hrb", "/api/deadlines?state=AWAITING_CALENDAR").andExpect(status().isForbidden());
        api.get("demo", "/api/deadlines?state=SCHEDULED").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        upload("demo", 1999, "date,kind,name\n1999-01-01,HOLIDAY,元旦\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    private ResultActions upload(String user, int year, String csv) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put("/api/calendar/years/" + year).with(httpBasic(user, user))
                .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static LocalDate firstMonday(int year) {
        LocalDate day = LocalDate.of(year, 3, 1);
        while (day.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
