package cn.hlj.remoteeval.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ControllableClock;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * Policy 八 end to end with the real deadlines: the A/V material handed from every sub-venue to the
 * main venue and on to the tenderer, each leg's deadline completed by the receipt; the due date on
 * the official calendar; a breach escalated to the supervisor through Quartz; a clue reported by a
 * sub-venue and transferred by the main venue. No sub-venue's center shows in a variable, an API
 * answer or the log.
 */
@RemoteEvalIntegrationTest
class HandoverIntegrationTest {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Pattern ALLOWED = Pattern.compile("mainCenter|subVenueHandovers|handoverId|tendererHandoverId|sessionCode"
            + "|deadlineId|deadlineDueAt|medium|itemCount|handedOverAt|checksumsVerified|receivedAt|supervisionAction"
            + "|clueId|foundOn|category|clueReceived|transferBody|transferredOn|referenceNumber"
            + "|nrOfInstances|nrOfActiveInstances|nrOfCompletedInstances|loopCounter");

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
    SeatBookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ControllableClock clock;

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    /**
     * Puts the clock on a day of a year the official calendar covers, so that the legs' working-day
     * deadlines are computed whatever day the suite runs (in a year not loaded yet, they would wait).
     */
    private LocalDate aLoadedWorkingDay() {
        LocalDate wednesday = OwnPeriods.wednesdayInALoadedYear();
        clock.set(wednesday.atTime(10, 0).atZone(ReportMonth.PROVINCE).toInstant());
        return wednesday;
    }

    @Test
    void everyLegIsHandedOverAndReceivedAndItsDeadlineCompletedWithNothingFiringLater() throws Exception {
        LocalDate yesterday = aLoadedWorkingDay().minusDays(1);
        Drawn tender = drawnTender(yesterday.atTime(17, 0));
        runtime.startProcessInstanceByKey(HandoverProcesses.AV_HANDOVER, tender.id(), Map.of("mainCenter", "HRB"));

        List<ProcessInstance> legs = awaitLegs(tender.id(), tender.subVenues().size());
        List<String> deadlineIds = new ArrayList<>();
        for (ProcessInstance leg : legs) {
            Task handOver = task(leg, "HandOverMaterial");
            String sessionGroup = candidateGroups(handOver).get(0);
            assertThat(sessionGroup).startsWith("venue-RS-");
            String center = bookings.centerOfSession(sessionGroup.substring("venue-".length())).orElseThrow();
            assertThat(tender.subVenues()).contains(center);
            EngineActor.as(identity, "staff-" + center.toLowerCase(), List.of("staff-" + center, sessionGroup), () -> tasks.complete(handOver.getId(),
                    Map.of("medium", "REMOVABLE_DISK", "itemCount", 2L, "sealedItems",
                            "评标室录像1.mp4," + SHA + "\n评标室录像2.mp4," + SHA.toUpperCase(),
                            "handedOverAt", OffsetDateTime.now(clock).minusMinutes(30).toString())));
            Task receipt = task(leg, "ConfirmReceipt");
            assertThat(candidateGroups(receipt)).containsExactly("staff-HRB");
            // Tasklist's 即将到期/已超期 read the task's due date: the deadline's, on every waiting task.
            Object dueAt = runtime.getVariable(leg.getId(), "deadlineDueAt");
            assertThat(dueAt).isNotNull();
            assertThat(handOver.getDueDate()).isEqualTo(dueAt);
            assertThat(receipt.getDueDate()).isEqualTo(dueAt);
            as("staff-hrb", "staff-HRB", () -> tasks.complete(receipt.getId(),
                    Map.of("checksumsVerified", true, "receivedAt", LocalDateTime.now(clock).withNano(0).toString())));
            String deadlineId = (String) history.createHistoricVariableInstanceQuery().processInstanceId(leg.getId())
                    .variableName("deadlineId").singleResult().getValue();
            assertThat(deadlines.find(deadlineId).orElseThrow().state()).isEqualTo(DeadlineState.COMPLETED);
            deadlineIds.add(deadlineId);
        }

        ProcessInstance toTenderer = await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(tender.id()).processDefinitionKey(HandoverProcesses.AV_HANDOVER_TENDERER_LEG)
                .singleResult(), p -> p != null);
        Task toTendererTask = task(toTenderer, "HandOverToTenderer");
        as("staff-hrb", "staff-HRB", () -> tasks.complete(toTendererTask.getId(), Map.of("medium", "USB_DRIVE",
                "itemCount", 1L, "sealedItems", "全部资料.zip," + SHA, "sealedTendererReceiver", "招标人张三",
                "handedOverAt", OffsetDateTime.now(clock).withNano(0).toString())));

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(tender.id())
                .processDefinitionKey(HandoverProcesses.AV_HANDOVER).count()).isZero();
        JsonNode legsView = api.read(api.get("staff-hrb", "/api/tenders/" + tender.id() + "/handovers"));
        assertThat(legsView).hasSize(tender.subVenues().size() + 1);
        assertThat(legsView.findValuesAsText("state")).containsOnly("RECEIVED");
        assertThat(api.read(api.get("supervisor-hrb", "/api/tenders/" + tender.id() + "/handovers"))).hasSize(legsView.size());
        // A tenderer account not bound to this tender's tenderer: for it the tender does not exist.
        api.get("tenderer", "/api/tenders/" + tender.id() + "/handovers").andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        for (String center : tender.subVenues()) {
            String owed = api.get("staff-" + center.toLowerCase(), "/api/centers/" + center + "/handovers").andReturn()
                    .getResponse().getContentAsString();
            assertThat(owed).contains(bookings.sessionCodeOf(tender.id(), center).orElseThrow()).doesNotContain(tender.id());
        }

        Thread.sleep(1_500);
        for (String deadlineId : deadlineIds) {
            assertThat(deadlines.find(deadlineId).orElseThrow().state()).isEqualTo(DeadlineState.COMPLETED);
        }
        assertThat(history.createHistoricActivityInstanceQuery().activityId("RemindHandover").list().stream()
                .filter(a -> legs.stream().anyMatch(l -> l.getId().equals(a.getProcessInstanceId())))).isEmpty();
        assertNoSubVenueShows(tender, legsView.toString());
    }

    @Test
    void aLegOfAnEvaluationEndingOn12February2026IsDueOn26FebruaryAndItsBreachReachesTheSupervisor() throws Exception {
        Drawn tender = drawnTender(LocalDateTime.of(2026, 2, 12, 17, 30));
        runtime.startProcessInstanceByKey(HandoverProcesses.AV_HANDOVER, tender.id(), Map.of("mainCenter", "HRB"));
        List<ProcessInstance> legs = awaitLegs(tender.id(), tender.subVenues().size());

        JsonNode view = api.read(api.get("staff-hrb", "/api/tenders/" + tender.id() + "/handovers"));
        assertThat(view.findValuesAsText("dueDate")).containsOnly("2026-02-26");
        // Long past due: Quartz fires the breach at once, which escalates to the main venue's supervisor.
        Task escalation = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
                .processInstanceId(legs.get(0).getId()).taskDefinitionKey("EscalateOverdueHandover").singleResult(),
                t -> t != null);
        assertThat(candidateGroups(escalation)).containsExactly("supervisor-HRB");
        assertThat(task(legs.get(0), "HandOverMaterial")).as("the duty stays open").isNotNull();
        as("supervisor-hrb", "supervisor-HRB", () -> tasks.complete(escalation.getId(),
                Map.of("supervisionAction", "URGED", "sealedSupervisionNote", "已电话督促")));
        assertThat(api.read(api.get("staff-hrb", "/api/tenders/" + tender.id() + "/handovers")).findValuesAsText("overdue"))
                .contains("true");
        assertNoSubVenueShows(tender, view.toString());
    }

    @Test
    void aSubVenueReportsAClueThatTheMainVenueReceivesAndTransfers() throws Exception {
        Drawn tender = drawnTender(aLoadedWorkingDay().minusDays(1).atTime(17, 0));
        String center = tender.subVenues().get(0);
        String session = bookings.sessionCodeOf(tender.id(), center).orElseThrow();
        String today = LocalDate.now(clock).toString();

        assertThatThrownBy(() -> as("staff-" + center.toLowerCase(), "staff-" + center,
                () -> runtime.startProcessInstanceByKey(HandoverProcesses.CLUE_REPORT, Map.of("sessionCode", "RS-NOTOURS",
                        "foundOn", today, "category", "FRAUD", "sealedClueDescription", "不应记录"))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不是本中心承担的评标场次");

        ProcessInstance clue = as("staff-" + center.toLowerCase(), "staff-" + center,
                () -> runtime.startProcessInstanceByKey(HandoverProcesses.CLUE_REPORT, Map.of("sessionCode", session,
                        "foundOn", today, "category", "EXPERT_MISCONDUCT",
                        "sealedClueDescription", "第3席专家评标期间多次离席接打电话")));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(clue.getId()).singleResult().getBusinessKey())
                .isEqualTo(tender.id());
        String receiptDeadline = (String) runtime.getVariable(clue.getId(), "deadlineId");
        Task receive = task(clue, "ReceiveClue");
        assertThat(candidateGroups(receive)).containsExactly("staff-HRB");
        as("staff-hrb", "staff-HRB", () -> tasks.complete(receive.getId(), Map.of("clueReceived", true)));
        assertThat(deadlines.find(receiptDeadline).orElseThrow().state()).isEqualTo(DeadlineState.COMPLETED);
        String transferDeadline = (String) runtime.getVariable(clue.getId(), "deadlineId");
        assertThat(transferDeadline).isNotEqualTo(receiptDeadline);

        Task transfer = task(clue, "RecordClueTransfer");
        as("staff-hrb", "staff-HRB", () -> tasks.complete(transfer.getId(), Map.of("transferBody", "DISCIPLINE_INSPECTION",
                "transferredOn", today, "referenceNumber", "黑纪移〔2026〕12号")));
        assertThat(deadlines.find(transferDeadline).orElseThrow().state()).isEqualTo(DeadlineState.COMPLETED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(clue.getId()).count()).isZero();

        JsonNode staffView = api.read(api.get("staff-hrb", "/api/tenders/" + tender.id() + "/clues"));
        assertThat(staffView).singleElement().satisfies(c -> {
            assertThat(c.get("category").asText()).isEqualTo("EXPERT_MISCONDUCT");
            assertThat(c.get("transferBody").asText()).isEqualTo("DISCIPLINE_INSPECTION");
            assertThat(c.get("referenceNumber").asText()).isEqualTo("黑纪移〔2026〕12号");
            assertThat(c.path("description").isNull() || c.path("description").isMissingNode()).isTrue();
        });
        JsonNode supervisorView = api.read(api.get("supervisor-hrb", "/api/tenders/" + tender.id() + "/clues"));
        assertThat(supervisorView.get(0).get("description").asText()).isEqualTo("第3席专家评标期间多次离席接打电话");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(clue.getId()).list())
                .extracting(HistoricVariableInstance::getName).doesNotContain("sealedClueDescription")
                .allMatch(name -> ALLOWED.matcher(name).matches());
        assertThat(history.createHistoricDetailQuery().processInstanceId(clue.getId()).list().toString())
                .doesNotContain("离席");
        assertNoSubVenueShows(tender, staffView.toString() + supervisorView);
    }

    private void assertNoSubVenueShows(Drawn tender, String apiAnswers) throws Exception {
        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(tender.id()).list()
                .stream().filter(p -> p.getProcessDefinitionKey().startsWith("av-handover")
                        || p.getProcessDefinitionKey().equals(HandoverProcesses.CLUE_REPORT))
                .map(p -> p.getId()).toList();
        assertThat(instances).isNotEmpty();
        List<String> values = new ArrayList<>();
        for (String instance : instances) {
            for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                    .processInstanceId(instance).list()) {
                assertThat(variable.getName()).matches(ALLOWED);
                values.add(variable.getName() + "=" + variable.getValue());
            }
        }
        String log = Files.readString(Path.of("target/remote-eval-test.log"));
        List<String> handoverIds = jdbc.sql("SELECT id FROM av_handover WHERE tender_id = ?").param(tender.id())
                .query(String.class).list();
        List<String> linesAboutTheTender = log.lines().filter(line -> line.contains(tender.id())
                || handoverIds.stream().anyMatch(line::contains)).toList();
        for (String center : tender.subVenues()) {
            Pattern token = Pattern.compile("\\b" + center + "\\b");
            assertThat(values).noneMatch(v -> token.matcher(v).find());
            assertThat(token.matcher(apiAnswers).find()).as("%s in %s", center, apiAnswers).isFalse();
            assertThat(linesAboutTheTender).noneMatch(line -> token.matcher(line).find());
        }
    }

    private Drawn drawnTender(LocalDateTime evaluationEndedInTheProvince) throws Exception {
        JsonNode registered = api.register(TenderBody.valid());
        String id = registered.get("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText()).isEqualTo("AWAITING_EXPERT_DRAW"));
        List<String> subVenues = bookings.sessionsOf(id).stream().map(SeatBookings.VenueSession::centerCode)
                .filter(c -> !c.equals("HRB")).toList();
        assertThat(subVenues).isNotEmpty();
        // Stands in for the evaluation day's end (the evaluation module records it when the last member signs).
        jdbc.sql("INSERT INTO evaluation_day (tender_id, main_center, started_at, ended_at) VALUES (?, ?, ?, ?)")
                .params(id, "HRB", Timestamp.from(evaluationEndedInTheProvince.minusHours(8).toInstant(ZoneOffset.ofHours(8))),
                        Timestamp.from(evaluationEndedInTheProvince.toInstant(ZoneOffset.ofHours(8))))
                .update();
        return new Drawn(id, subVenues);
    }

    private List<ProcessInstance> awaitLegs(String tenderId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(tenderId).processDefinitionKey(HandoverProcesses.AV_HANDOVER_LEG).list(),
                list -> list.size() == count);
    }

    private Task task(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private <T> T as(String user, String group, java.util.concurrent.Callable<T> action) throws Exception {
        return EngineActor.as(identity, user, group, action);
    }

    private void as(String user, String group, Runnable action) throws Exception {
        EngineActor.as(identity, user, group, action);
    }

    record Drawn(String id, List<String> subVenues) {
    }
}
