package cn.hlj.remoteeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.evaluation.EvaluationRecords;
import cn.hlj.remoteeval.handover.HandoverProcesses;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.testsupport.OwnPeriods;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.ControllableClock;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The monthly figures of issue 7 built from fixtures driven through the real processes (registration,
 * venue and expert draws, the evaluation day, the hand-over, a clue, an exemption explanation, the
 * partner's plan and a hosting), with the application's clock set inside a month of its own: every
 * source's count per center is what the processes did in that month, nothing else, and the same when
 * asked again. The province's figure is the sum over its centers.
 */
@RemoteEvalIntegrationTest
class MonthlyFiguresIntegrationTest {

    private static final Pattern REPLY_CODE = Pattern.compile("“1 ([0-9A-Z]{12})”");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String MAIN = "HRB";

    @Autowired
    List<MonthlyFigureSource> sources;
    @Autowired
    ControllableClock clock;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    SeatBookings bookings;
    @Autowired
    EvaluationRecords records;
    @Autowired
    CommitteeRoster roster;
    @Autowired
    TransactionTemplate transactions;

    private final List<String> blockers = new ArrayList<>();

    @AfterEach
    void resetClockAndFreeBlockedSeats() {
        clock.reset();
        blockers.forEach(holder -> transactions.executeWithoutResult(tx -> bookings.release(holder)));
    }

    @Test
    void aMonthsFiguresPerCenterAreWhatTheProcessesDidInThatMonth() throws Exception {
        ReportMonth month = OwnPeriods.month();
        clock.set(month.firstDay().plusDays(2).atTime(9, 0).atZone(ReportMonth.PROVINCE).toInstant());
        LocalDate first = month.firstDay();

        // An intra-province tender through the whole lifecycle: venue draw, expert draw with one 补抽,
        // the evaluation day with its sub-venues, every hand-over on time, and a clue passed on.
        String evaluated = evaluatedTender(first.plusDays(9));
        Set<String> subVenues = new TreeSet<>();
        bookings.sessionsOf(evaluated).forEach(s -> subVenues.add(s.centerCode()));
        subVenues.remove(MAIN);
        assertThat(subVenues).hasSizeGreaterThanOrEqualTo(2);
        handOverEverything(evaluated, subVenues);
        passOnAClue(evaluated, subVenues.iterator().next());

        // A random venue draw without a pick: it falls back to negotiation.
        String negotiated = negotiationFallback(first.plusDays(10));
        // Not in the rollout (goods at HRB, EPC at MDJ).
        assertThat(api.register(body(first.plusDays(12)).category("GOODS", "500000.00")).get("rollout").asText())
                .isEqualTo("NOT_IN_ROLLOUT");
        assertThat(api.register(body(first.plusDays(13)).with("mainCenter", "MDJ")
                .epc("5000000.00", "2000000.00", "2000000.00")).get("rollout").asText()).isEqualTo("NOT_IN_ROLLOUT");
        // Cross-province with the partner's plan, evaluated this month; and a partner's tender hosted at QQHR.
        crossProvinceWithPlan(first.plusDays(11));
        api.post("staff-prov", "/api/cross-province/hostings", Map.of("partnerProvince", "吉林省", "partnerTenderRef",
                "JL-" + UUID.randomUUID().toString().substring(0, 8), "centerCode", "QQHR", "date",
                first.plusDays(15).toString(), "halfDay", "PM", "seats", 1)).andExpect(status().isCreated());
        // Exempt: the winner was decided long ago, so the explanation is overdue at once; then it is filed.
        exemptExplanationOverdueThenFiled(first.plusDays(14));

        Map<String, Map<ReportFigure, Long>> expected = new TreeMap<>();
        expect(expected, MAIN, ReportFigure.TENDERS_REGISTERED, 5);
        expect(expected, MAIN, ReportFigure.SCOPE_INTRA_PROVINCE, 3);
        expect(expected, MAIN, ReportFigure.SCOPE_CROSS_PROVINCE, 1);
        expect(expected, MAIN, ReportFigure.SCOPE_EXEMPT, 1);
        expect(expected, MAIN, ReportFigure.CATEGORY_SERVICES, 4);
        expect(expected, MAIN, ReportFigure.CATEGORY_GOODS, 1);
        expect(expected, MAIN, ReportFigure.NOT_IN_ROLLOUT, 1);
        expect(expected, MAIN, ReportFigure.VENUE_DRAWS, 2);
        expect(expected, MAIN, ReportFigure.VENUE_DRAWS_NEGOTIATED, 1);
        expect(expected, MAIN, ReportFigure.EXPERT_DRAWS, 1);
        expect(expected, MAIN, ReportFigure.SUPPLEMENTARY_EXPERT_DRAWS, 1);
        expect(expected, MAIN, ReportFigure.EVALUATIONS_AS_MAIN, 1);
        expect(expected, MAIN, ReportFigure.HANDOVERS_ON_TIME, 1);
        expect(expected, MAIN, ReportFigure.CLUES_PASSED_ON, 1);
        expect(expected, MAIN, ReportFigure.EXEMPTION_EXPLANATIONS_FILED, 1);
        expect(expected, MAIN, ReportFigure.EXEMPTION_EXPLANATIONS_OVERDUE, 1);
        expect(expected, MAIN, ReportFigure.CROSS_PROVINCE_SENT, 1);
        expect(expected, "MDJ", ReportFigure.TENDERS_REGISTERED, 1);
        expect(expected, "MDJ", ReportFigure.SCOPE_INTRA_PROVINCE, 1);
        expect(expected, "MDJ", ReportFigure.CATEGORY_EPC, 1);
        expect(expected, "MDJ", ReportFigure.NOT_IN_ROLLOUT, 1);
        expect(expected, "QQHR", ReportFigure.CROSS_PROVINCE_HOSTED, 1);
        for (String subVenue : subVenues) {
            expect(expected, subVenue, ReportFigure.EVALUATIONS_AS_SUB, 1);
            expect(expected, subVenue, ReportFigure.HANDOVERS_ON_TIME, 1);
        }

        Map<String, Map<ReportFigure, Long>> figures = figures(month);
        assertThat(figures).as("figures of %s (negotiated tender %s)", month, negotiated).isEqualTo(expected);
        Map<ReportFigure, Long> province = province(figures);
        assertThat(province.get(ReportFigure.TENDERS_REGISTERED)).isEqualTo(6);
        assertThat(province.get(ReportFigure.EVALUATIONS_AS_SUB)).isEqualTo(subVenues.size());
        assertThat(province.get(ReportFigure.HANDOVERS_ON_TIME)).isEqualTo(subVenues.size() + 1L);
        // Each tender has one scope and one category: the parts add up to the registrations.
        assertThat(province.get(ReportFigure.SCOPE_CROSS_PROVINCE) + province.get(ReportFigure.SCOPE_INTRA_PROVINCE)
                + province.get(ReportFigure.SCOPE_EXEMPT)).isEqualTo(province.get(ReportFigure.TENDERS_REGISTERED));

        clock.reset();
        assertThat(figures(month)).as("asked again, later").isEqualTo(figures);
        assertThat(figures(new ReportMonth(month.month().minusMonths(1)))).isEmpty();
        assertThat(figures(new ReportMonth(month.month().plusMonths(1)))).isEmpty();
    }

    @Test
    void anInstantInTheLastSecondOfTheMonthInTheProvinceCountsAndTheFirstSecondOfTheNextDoesNot() throws Exception {
        ReportMonth month = OwnPeriods.months(2);
        ReportMonth next = new ReportMonth(month.month().plusMonths(1));
        // Warms the request path up, so that the registration below takes well under the second it has.
        api.register(body(next.firstDay().plusDays(20)).category("GOODS", "500000.00"));

        clock.set(month.end().minusMillis(900));
        String last = api.register(body(next.firstDay().plusDays(5)).category("GOODS", "500000.00")).get("id").asText();
        clock.set(month.end());
        String firstOfNext = api.register(body(next.firstDay().plusDays(6)).category("GOODS", "600000.00")).get("id")
                .asText();
        clock.reset();
        assertThat(registeredAt(last)).isBefore(month.end()).isAfterOrEqualTo(month.end().minusSeconds(1));
        assertThat(registeredAt(firstOfNext)).isAfterOrEqualTo(next.start()).isBefore(next.start().plusSeconds(1));

        Map<String, Map<ReportFigure, Long>> one = Map.of(MAIN, Map.of(ReportFigure.TENDERS_REGISTERED, 1L,
                ReportFigure.SCOPE_INTRA_PROVINCE, 1L, ReportFigure.CATEGORY_GOODS, 1L, ReportFigure.NOT_IN_ROLLOUT, 1L));
        assertThat(figures(month)).isEqualTo(one);
        assertThat(figures(next)).isEqualTo(one);
        // 16:00 UTC on the last day is already the next month in the province.
        assertThat(month.end()).isEqualTo(month.lastDay().atTime(16, 0).toInstant(java.time.ZoneOffset.UTC));
    }

    @Test
    void aLegHandedOverAfterItsDeadlineWasBreachedCountsAsLateForTheCenterThatOwedIt() throws Exception {
        ReportMonth month = OwnPeriods.month();
        clock.set(month.firstDay().plusDays(1).atTime(10, 0).atZone(ReportMonth.PROVINCE).toInstant());
        String id = api.register(body(month.firstDay().plusDays(20))).get("id").asText();
        awaitState(id, "AWAITING_EXPERT_DRAW");
        Set<String> subVenues = new TreeSet<>();
        bookings.sessionsOf(id).forEach(s -> subVenues.add(s.centerCode()));
        subVenues.remove(MAIN);
        // Stands in for an evaluation day that ended on 12 February 2026 (the hand-over test's fixture):
        // the legs are due on 26 February 2026, long past, so Quartz breaches them at once.
        jdbc.sql("INSERT INTO evaluation_day (tender_id, main_center, started_at, ended_at) VALUES (?, ?, ?, ?)")
                .params(id, MAIN, java.sql.Timestamp.from(Instant.parse("2026-02-12T01:00:00Z")),
                        java.sql.Timestamp.from(Instant.parse("2026-02-12T09:30:00Z")))
                .update();
        runtime.startProcessInstanceByKey(HandoverProcesses.AV_HANDOVER, id, Map.of("mainCenter", MAIN));
        List<ProcessInstance> legs = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id).processDefinitionKey(HandoverProcesses.AV_HANDOVER_LEG).list(),
                list -> list.size() == subVenues.size());
        for (ProcessInstance leg : legs) {
            await().atMost(Duration.ofSeconds(60)).until(() -> task(leg.getId(), "EscalateOverdueHandover") != null);
        }
        handOverEverything(id, subVenues);

        Map<String, Map<ReportFigure, Long>> expected = new TreeMap<>();
        expect(expected, MAIN, ReportFigure.TENDERS_REGISTERED, 1);
        expect(expected, MAIN, ReportFigure.SCOPE_INTRA_PROVINCE, 1);
        expect(expected, MAIN, ReportFigure.CATEGORY_SERVICES, 1);
        expect(expected, MAIN, ReportFigure.VENUE_DRAWS, 1);
        // The main venue's leg to the tenderer runs from the last receipt, in this month: on time.
        expect(expected, MAIN, ReportFigure.HANDOVERS_ON_TIME, 1);
        subVenues.forEach(center -> expect(expected, center, ReportFigure.HANDOVERS_LATE, 1));
        assertThat(figures(month)).isEqualTo(expected);
        clock.reset();
        assertThat(figures(month)).isEqualTo(expected);
    }

    // --- the figures, as the reporting module will collect them

    private Map<String, Map<ReportFigure, Long>> figures(ReportMonth month) {
        Map<String, Map<ReportFigure, Long>> figures = new TreeMap<>();
        for (MonthlyFigureSource source : sources) {
            source.contribute(month, (center, figure, count) -> {
                assertThat(count).as("%s %s from %s", center, figure, source).isPositive();
                figures.computeIfAbsent(center, c -> new TreeMap<>()).merge(figure, count, Long::sum);
            });
        }
        return figures;
    }

    private static Map<ReportFigure, Long> province(Map<String, Map<ReportFigure, Long>> figures) {
        Map<ReportFigure, Long> province = new TreeMap<>();
        for (ReportFigure figure : ReportFigure.values()) {
            province.put(figure, 0L);
        }
        figures.values().forEach(perCenter -> perCenter.forEach((figure, count) -> province.merge(figure, count, Long::sum)));
        return province;
    }

    private static void expect(Map<String, Map<ReportFigure, Long>> expected, String center, ReportFigure figure, long count) {
        expected.computeIfAbsent(center, c -> new TreeMap<>()).put(figure, count);
    }

    private Instant registeredAt(String tenderId) {
        return jdbc.sql("SELECT registered_at FROM tender WHERE id = ?").param(tenderId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).single();
    }

    // --- fixtures through the real processes

    private static TenderBody body(LocalDate evaluationDate) {
        return TenderBody.valid().with("evaluationDate", evaluationDate.toString());
    }

    private String evaluatedTender(LocalDate date) throws Exception {
        String tenderId = api.register(body(date).with("committee", Map.of("size", 5, "tendererRepresentatives", 0,
                "specialties", List.of(Map.of("code", "A0101", "count", 5))))).get("id").asText();
        awaitState(tenderId, "AWAITING_EXPERT_DRAW");
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers().activityId("AwaitExpertDraw")
                .singleResult();
        management.executeJob(timer.getId());
        awaitState(tenderId, "AWAITING_EXPERT_CONFIRMATIONS");
        await().atMost(Duration.ofSeconds(20)).until(() -> invitedSeats(tenderId).size() == 5);

        String declined = invitedSeats(tenderId).get(0);
        answer(declined, "DECLINE");
        await().atMost(Duration.ofSeconds(30)).until(() -> invitedSeats(tenderId).size() == 4 + 1
                && !invitedSeats(tenderId).contains(declined));
        for (String seatId : invitedSeats(tenderId)) {
            answer(seatId, "ACCEPT");
        }
        awaitState(tenderId, "EVALUATING");

        ProcessInstance day = await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("evaluation-day").processInstanceBusinessKey(tenderId).singleResult(), p -> p != null);
        tasks.complete(task(day.getId(), "OpenSession").getId(), Map.of("supervisorOnSite", true, "sessionStartedAt",
                OffsetDateTime.now(clock).minusMinutes(5).withNano(0).toString()));
        int sessions = bookings.sessionsOf(tenderId).size();
        List<ProcessInstance> venues = await().atMost(Duration.ofSeconds(20)).until(() -> runtime
                .createProcessInstanceQuery().processDefinitionKey("venue-duties").processInstanceBusinessKey(tenderId)
                .list(), list -> list.size() == sessions);
        for (ProcessInstance venue : venues) {
            tasks.complete(task(venue.getId(), "PrepareWorkstations").getId(), Map.of("workstationsReady", true));
            tasks.complete(task(venue.getId(), "ConnectAudioVideo").getId(), Map.of("audioVideoConnected", true));
            tasks.complete(task(venue.getId(), "ArrangeMealsAndLodging").getId(), Map.of("mealsAndLodgingArranged", true));
            long present = roster.seatsAt(tenderId, (String) runtime.getVariable(venue.getId(), "sessionCode")).size();
            tasks.complete(task(venue.getId(), "VerifyExpertIdentities").getId(),
                    Map.of("expertsPresent", present, "noShowSeats", "", "identitiesVerified", true));
        }
        for (ProcessInstance venue : venues) {
            tasks.complete(task(venue.getId(), "SignReport").getId(), Map.of("reportSigned", true));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> records.endedAt(tenderId).isPresent());
        return tenderId;
    }

    /** The seats of the tender whose invitation is still open. */
    private List<String> invitedSeats(String tenderId) {
        return jdbc.sql("SELECT id FROM committee_seat WHERE tender_id = ? AND state = 'INVITED' ORDER BY seat_no")
                .param(tenderId).query(String.class).list();
    }

    private void answer(String seatId, String answer) throws Exception {
        String sms = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
                .sql("SELECT text_enc FROM sms_outbox WHERE idempotency_key = ?").param("invite:" + seatId)
                .query(String.class).optional().orElse(null), text -> text != null);
        Matcher code = REPLY_CODE.matcher(cipher.decrypt(sms));
        assertThat(code.find()).isTrue();
        api.postAnonymous("/api/expert-invitations/" + code.group(1) + "/answer", "{\"answer\":\"" + answer + "\"}")
                .andExpect(status().isOk());
    }

    private void handOverEverything(String tenderId, Set<String> subVenues) throws Exception {
        List<ProcessInstance> legs = await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(tenderId).processDefinitionKey(HandoverProcesses.AV_HANDOVER_LEG).list(),
                list -> list.size() == subVenues.size());
        for (ProcessInstance leg : legs) {
            Task handOver = await().atMost(Duration.ofSeconds(20)).until(() -> task(leg.getId(), "HandOverMaterial"),
                    t -> t != null);
            String group = tasks.getIdentityLinksForTask(handOver.getId()).stream().map(l -> l.getGroupId())
                    .filter(g -> g != null).findFirst().orElseThrow();
            String center = bookings.centerOfSession(group.substring("venue-".length())).orElseThrow();
            EngineActor.as(identity, "staff-" + center.toLowerCase(), List.of("staff-" + center, group),
                    () -> tasks.complete(handOver.getId(), Map.of("medium",
                    "REMOVABLE_DISK", "itemCount", 1L, "sealedItems", "评标室录像1.mp4," + SHA, "handedOverAt",
                    OffsetDateTime.now(clock).minusMinutes(1).withNano(0).toString())));
            Task receipt = task(leg.getId(), "ConfirmReceipt");
            as("staff-hrb", "staff-HRB", () -> tasks.complete(receipt.getId(),
                    Map.of("checksumsVerified", true, "receivedAt", LocalDateTime.now(clock).withNano(0).toString())));
        }
        ProcessInstance toTenderer = await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(tenderId).processDefinitionKey(HandoverProcesses.AV_HANDOVER_TENDERER_LEG)
                .singleResult(), p -> p != null);
        Task toTendererTask = task(toTenderer.getId(), "HandOverToTenderer");
        as("staff-hrb", "staff-HRB", () -> tasks.complete(toTendererTask.getId(), Map.of("medium", "USB_DRIVE",
                "itemCount", 1L, "sealedItems", "全部资料.zip," + SHA, "sealedTendererReceiver", "招标人张三",
                "handedOverAt", OffsetDateTime.now(clock).withNano(0).toString())));
    }

    private void passOnAClue(String tenderId, String subVenue) throws Exception {
        String session = bookings.sessionCodeOf(tenderId, subVenue).orElseThrow();
        String today = LocalDate.now(clock).toString();
        ProcessInstance clue = as("staff-" + subVenue.toLowerCase(), "staff-" + subVenue,
                () -> runtime.startProcessInstanceByKey(HandoverProcesses.CLUE_REPORT, Map.of("sessionCode", session,
                        "foundOn", today, "category", "EXPERT_MISCONDUCT", "sealedClueDescription", "专家评标期间离席")));
        Task receive = task(clue.getId(), "ReceiveClue");
        as("staff-hrb", "staff-HRB", () -> tasks.complete(receive.getId(), Map.of("clueReceived", true)));
        Task transfer = task(clue.getId(), "RecordClueTransfer");
        as("staff-hrb", "staff-HRB", () -> tasks.complete(transfer.getId(), Map.of("transferBody",
                "DISCIPLINE_INSPECTION", "transferredOn", today, "referenceNumber", "黑纪移〔2038〕1号")));
    }

    private String negotiationFallback(LocalDate date) throws Exception {
        Slot slot = new Slot(date, HalfDay.AM);
        Map<String, Integer> free = bookings.freeSeats(slot, false);
        String keep = free.entrySet().stream().filter(e -> !e.getKey().equals(MAIN) && e.getValue() >= 3)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        Map<String, Integer> taken = new HashMap<>();
        free.forEach((code, count) -> {
            if (!code.equals(MAIN) && !code.equals(keep) && count > 0) {
                taken.put(code, count);
            }
        });
        String holder = "blocker-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> bookings.book(holder, BookingPurpose.PARTNER_HOSTING, slot, taken, false));
        blockers.add(holder);
        String tenderId = api.register(body(date)).get("id").asText();
        awaitState(tenderId, "AWAITING_NEGOTIATION_APPROVAL");
        return tenderId;
    }

    private void crossProvinceWithPlan(LocalDate date) throws Exception {
        JsonNode tender = api.register(body(date).category("SERVICES", "12000000.00").with("halfDay", "PM"));
        assertThat(tender.get("scope").asText()).isEqualTo("CROSS_PROVINCE");
        String id = tender.get("id").asText();
        awaitState(id, "AWAITING_PARTNER_ASSIGNMENT");
        Map<String, Object> plan = new java.util.LinkedHashMap<>();
        plan.put("partnerProvince", "吉林省");
        plan.put("mainVenueSeats", 2);
        plan.put("partnerSubVenues", List.of(Map.of("province", "吉林省", "venue", "长春市公共资源交易中心", "seats", 2),
                Map.of("province", "辽宁省", "venue", "沈阳市公共资源交易中心", "seats", 1)));
        api.post("staff-prov", "/api/tenders/" + id + "/cross-province-assignment", plan).andExpect(status().isCreated());
    }

    private void exemptExplanationOverdueThenFiled(LocalDate date) throws Exception {
        String id = api.register(body(date).with("tenderer", TenderBody.DEMO_TENDERER).exemption("LAW", "法律规定")).get("id")
                .asText();
        awaitState(id, "AWAITING_WINNING_BIDDER");
        String decidedOn = LocalDate.now(ReportMonth.PROVINCE).minusDays(20).toString();
        api.post("staff-hrb", "/api/tenders/" + id + "/winner", Map.of("winningBidder", "某公司", "decidedOn", decidedOn))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey("EscalateOverdueExplanation").count() == 1);
        api.post("tenderer", "/api/tenders/" + id + "/exemption-explanation",
                Map.of("explanation", "依法不实行远程异地评标的书面说明", "submittedOn", LocalDate.now(clock).toString()))
                .andExpect(status().isOk());
    }

    private Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private void awaitState(String tenderId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }

    private <T> T as(String user, String group, java.util.concurrent.Callable<T> action) throws Exception {
        return EngineActor.as(identity, user, group, action);
    }

    private void as(String user, String group, Runnable action) throws Exception {
        EngineActor.as(identity, user, group, action);
    }
}
