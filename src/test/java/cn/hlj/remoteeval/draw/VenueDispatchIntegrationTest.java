package cn.hlj.remoteeval.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Persisted;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.BookingPurpose;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The venue dispatch through the real lifecycle BPMN, the real draw and the real bookings: a
 * random draw, the negotiation fallback with the supervisor's approval, and with the refusal.
 */
@RemoteEvalIntegrationTest
class VenueDispatchIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SeatBookings bookings;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    Persisted persisted;

    private final List<String> blockers = new java.util.ArrayList<>();

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void releaseBlockers() {
        blockers.forEach(holder -> transactions.executeWithoutResult(tx -> bookings.release(holder)));
    }

    @Test
    void aRandomDrawBooksTheWholeCommitteeSpreadOverAtLeastTwoOtherCenters() throws Exception {
        String id = api.register(TenderBody.valid().with("committee", committee(7))).get("id").asText();

        awaitState(id, "AWAITING_EXPERT_DRAW");

        Map<String, Integer> seats = seatsByCenter(id);
        assertThat(seats.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
        assertThat(seats.keySet()).filteredOn(code -> !code.equals("HRB")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(seats.values()).allSatisfy(count -> assertThat(count * 2).isLessThanOrEqualTo(7));
        JsonNode view = api.read(api.get("staff-hrb", "/api/tenders/" + id).andExpect(status().isOk()));
        assertThat(view.get("venueArrangement").get("method").asText()).isEqualTo("RANDOM_DRAW");
        assertThat(view.get("venueDrawId").asText()).isNotBlank();
        assertThat(instance(id)).isWaitingAt("AwaitExpertDraw").hasPassed("DrawVenues").hasNotPassed("ConfirmVenueNegotiation");
    }

    @Test
    void withoutARandomPickTheSupervisorApprovesAndStaffBookTheNegotiatedVenues() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.AM);
        List<String> open = leaveOnlyOneOtherCenterFree(slot, "HRB");
        String id = api.register(TenderBody.valid().with("evaluationDate", date.toString())).get("id").asText();

        decideNegotiation(id, "APPROVE");

        assertThat(api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText()).isEqualTo("NEGOTIATING_VENUES");
        assertThat(instance(id)).isWaitingAt("EnterNegotiatedVenues");
        api.get("staff-qqhr", "/api/tenders/" + id + "/negotiation-candidates").andExpect(status().isNotFound());
        JsonNode candidates = api.read(api.get("staff-hrb", "/api/tenders/" + id + "/negotiation-candidates")
                .andExpect(status().isOk()));
        assertThat(candidates.get("centers").findValuesAsText("centerCode")).doesNotContain("HRB").contains(open.get(0));

        // The one open center and a second one where a workstation is freed by the negotiation.
        String second = freeOneSeatElsewhere(slot, open.get(0));
        api.post("staff-hrb", "/api/tenders/" + id + "/negotiated-venues", Map.of("mainVenueSeats", 2,
                "subVenues", List.of(Map.of("centerCode", open.get(0), "seats", 2), Map.of("centerCode", second, "seats", 1))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.negotiatedBy").value("staff-hrb"));

        awaitState(id, "AWAITING_EXPERT_DRAW");
        assertThat(instance(id)).isWaitingAt("AwaitExpertDraw").hasPassed("EnterNegotiatedVenues");
        assertThat(seatsByCenter(id)).isEqualTo(Map.of("HRB", 2, open.get(0), 2, second, 1));
        JsonNode view = api.read(api.get("staff-hrb", "/api/tenders/" + id));
        assertThat(view.get("venueArrangement").get("method").asText()).isEqualTo("NEGOTIATED");
        assertThat(view.get("venueNegotiation").get("approved").asBoolean()).isTrue();
        assertThat(view.toString()).doesNotContain("\"" + open.get(0) + "\"", "\"" + second + "\"");

        api.get("supervisor-hrb", "/api/tenders/" + id + "/negotiated-venues").andExpect(status().isOk())
                .andExpect(jsonPath("$.mainVenueSeats").value(2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.entriesFor("TENDER", id))
                .extracting(AuditEntry::action)
                .contains("VENUE_NEGOTIATION_APPROVED", "NEGOTIATION_CANDIDATES_VIEWED", "VENUES_NEGOTIATED",
                        "NEGOTIATED_VENUES_VIEWED", "VENUES_ARRANGED"));
        assertThat(audit.entriesFor("TENDER", id)).filteredOn(e -> e.action().endsWith("_VIEWED"))
                .extracting(AuditEntry::actor).contains("staff-hrb", "supervisor-hrb");
    }

    @Test
    void negotiatedVenuesAreValidatedAndARejectedEntryChangesNothing() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.AM);
        List<String> open = leaveOnlyOneOtherCenterFree(slot, "HRB");
        String id = api.register(TenderBody.valid().with("evaluationDate", date.toString())).get("id").asText();
        decideNegotiation(id, "APPROVE");
        String path = "/api/tenders/" + id + "/negotiated-venues";
        var before = persisted.snapshot();
        long bookingsBefore = persisted.count("workstation_booking");

        api.post("staff-hrb", path, Map.of("mainVenueSeats", 2, "subVenues", List.of(Map.of("centerCode", open.get(0), "seats", 2))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("subVenues"));
        api.post("staff-hrb", path, Map.of("mainVenueSeats", 1, "subVenues", List.of(Map.of("centerCode", "HRB", "seats", 2),
                Map.of("centerCode", open.get(0), "seats", 2)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subVenues[0].centerCode"));
        api.post("staff-hrb", path, Map.of("mainVenueSeats", 1, "subVenues", List.of(Map.of("centerCode", "XX", "seats", 2),
                Map.of("centerCode", open.get(0), "seats", 2)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subVenues[0].centerCode"));
        api.post("staff-hrb", path, Map.of("mainVenueSeats", 1, "subVenues", List.of(Map.of("centerCode", open.get(0), "seats", 3),
                Map.of("centerCode", otherThan(open.get(0)), "seats", 1)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subVenues[0].seats"));
        api.post("staff-hrb", path, Map.of("mainVenueSeats", 1, "subVenues", List.of(Map.of("centerCode", open.get(0), "seats", 2),
                Map.of("centerCode", otherThan(open.get(0)), "seats", 1)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subVenues"));
        // A full center: the negotiators learn which one, since they chose it.
        api.post("staff-hrb", path, Map.of("mainVenueSeats", 1, "subVenues", List.of(Map.of("centerCode", open.get(0), "seats", 2),
                Map.of("centerCode", otherThan(open.get(0)), "seats", 2)))).andExpect(status().isConflict());
        api.post("staff-qqhr", path, Map.of("mainVenueSeats", 1, "subVenues", List.of(Map.of("centerCode", open.get(0), "seats", 2),
                Map.of("centerCode", otherThan(open.get(0)), "seats", 2)))).andExpect(status().isNotFound());

        assertThat(persisted.count("workstation_booking")).isEqualTo(bookingsBefore);
        assertThat(persisted.snapshot()).isEqualTo(before);
        assertThat(instance(id)).isWaitingAt("EnterNegotiatedVenues");
    }

    @Test
    void theSupervisorsRefusalSendsStaffToMoveTheSlotAndTheDrawRunsAgainThere() throws Exception {
        LocalDate date = TenderBody.freshDate();
        leaveOnlyOneOtherCenterFree(new Slot(date, HalfDay.PM), "HRB");
        String id = api.register(TenderBody.valid().with("evaluationDate", date.toString()).with("halfDay", "PM"))
                .get("id").asText();

        decideNegotiation(id, "REFUSE");

        assertThat(api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText()).isEqualTo("AWAITING_RESCHEDULE");
        Task revise = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(revise.getTaskDefinitionKey()).isEqualTo("ReviseEvaluationSlot");
        assertThat(tasks.createTaskQuery().taskId(revise.getId()).taskCandidateGroup("staff-HRB").count()).isOne();
        tasks.setAssignee(revise.getId(), "staff-hrb");
        // Same slot again is refused and the task stays open.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(revise.getId(), Variables.createVariables()
                .putValue("evaluationDate", date.toString()).putValue("halfDay", "PM")))
                .hasMessageContaining("相同");
        tasks.complete(revise.getId(), Variables.createVariables().putValue("evaluationDate", date.toString())
                .putValue("halfDay", "AM"));

        awaitState(id, "AWAITING_EXPERT_DRAW");
        JsonNode view = api.read(api.get("staff-hrb", "/api/tenders/" + id));
        assertThat(view.get("halfDay").asText()).isEqualTo("AM");
        assertThat(view.get("venueArrangement").get("method").asText()).isEqualTo("RANDOM_DRAW");
        assertThat(seatsByCenter(id).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM draw_record WHERE tender_id = ? AND kind <> 'NOTICE'").param(id).query(Long.class).single())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(audit.entriesFor("TENDER", id))
                .extracting(AuditEntry::action).contains("VENUE_NEGOTIATION_REFUSED", "EVALUATION_MOVED"));
    }

    @Test
    void movingOrWithdrawingAFixedTenderFreesItsSeats() throws Exception {
        String id = api.register(TenderBody.valid()).get("id").asText();
        awaitState(id, "AWAITING_EXPERT_DRAW");
        LocalDate newDate = TenderBody.freshDate();

        api.post("staff-hrb", "/api/tenders/" + id + "/evaluation-slot", Map.of("evaluationDate", newDate.toString(),
                "halfDay", "PM")).andExpect(status().isOk());

        awaitState(id, "AWAITING_EXPERT_DRAW");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT DISTINCT eval_date FROM workstation_booking WHERE holder_ref = ?").param(id).query(LocalDate.class)
                .list()).containsExactly(newDate));
        assertThat(instance(id)).hasPassed("EvaluationMovedWhileWaiting").isWaitingAt("AwaitExpertDraw");

        api.post("staff-hrb", "/api/tenders/" + id + "/withdrawal", Map.of("reason", "招标项目取消"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("WITHDRAWN"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                persistedBookings(id)).isZero());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    /** The supervisor's answer in the task 确认协商确定副场, which must be the tender's open task for supervisor-HRB. */
    private void decideNegotiation(String tenderId, String decision) {
        awaitState(tenderId, "AWAITING_NEGOTIATION_APPROVAL");
        Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(tenderId).singleResult();
        assertThat(confirm.getTaskDefinitionKey()).isEqualTo("ConfirmVenueNegotiation");
        assertThat(tasks.createTaskQuery().taskId(confirm.getId()).taskCandidateGroup("supervisor-HRB").count()).isOne();
        tasks.setAssignee(confirm.getId(), "supervisor-hrb");
        tasks.complete(confirm.getId(), Variables.createVariables().putValue("venueNegotiationDecision", decision));
    }

    private long persistedBookings(String holder) {
        return jdbc.sql("SELECT COUNT(*) FROM workstation_booking WHERE holder_ref = ?").param(holder).query(Long.class).single();
    }

    /** Books every free seat of the slot away except at one center (not the main venue) and the main venue. */
    private List<String> leaveOnlyOneOtherCenterFree(Slot slot, String mainCenter) {
        Map<String, Integer> free = bookings.freeSeats(slot, false);
        String keep = free.entrySet().stream().filter(e -> !e.getKey().equals(mainCenter) && e.getValue() >= 3)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        Map<String, Integer> taken = new HashMap<>();
        free.forEach((code, count) -> {
            if (!code.equals(mainCenter) && !code.equals(keep) && count > 0) {
                taken.put(code, count);
            }
        });
        String holder = "blocker-" + UUID.randomUUID();
        transactions.executeWithoutResult(tx -> bookings.book(holder, BookingPurpose.PARTNER_HOSTING, slot, taken, false));
        blockers.add(holder);
        return List.of(keep);
    }

    /** Frees one seat at a center other than the given one and the main venue; answers that center. */
    private String freeOneSeatElsewhere(Slot slot, String notThis) {
        String center = otherThan(notThis);
        String holder = blockers.get(blockers.size() - 1);
        transactions.executeWithoutResult(tx -> {
            bookings.release(holder);
            Map<String, Integer> free = bookings.freeSeats(slot, false);
            Map<String, Integer> taken = new HashMap<>();
            free.forEach((code, count) -> {
                if (!code.equals("HRB") && !code.equals(notThis) && count > 0) {
                    taken.put(code, code.equals(center) ? count - 1 : count);
                }
            });
            taken.values().removeIf(count -> count == 0);
            bookings.book(holder, BookingPurpose.PARTNER_HOSTING, slot, taken, false);
        });
        return center;
    }

    private static String otherThan(String center) {
        return center.equals("MDJ") ? "JMS" : "MDJ";
    }

    private Map<String, Integer> seatsByCenter(String holder) {
        Map<String, Integer> seats = new HashMap<>();
        jdbc.sql("SELECT w.center_code, COUNT(*) AS seats FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id "
                + "WHERE b.holder_ref = ? GROUP BY w.center_code").param(holder)
                .query((rs, row) -> seats.put(rs.getString(1), rs.getInt(2))).list();
        return seats;
    }

    private ProcessInstance instance(String tenderId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId).singleResult();
    }

    private void awaitState(String tenderId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }

    private static Map<String, Object> committee(int size) {
        return Map.of("size", size, "specialties", List.of(Map.of("code", "A0101", "count", size)));
    }
}
