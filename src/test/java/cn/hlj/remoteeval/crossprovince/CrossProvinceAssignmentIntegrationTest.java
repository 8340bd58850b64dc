package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.testsupport.Persisted;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/**
 * A cross-province tender with its main venue here waits for the partner province's plan; the
 * provincial center enters it, the main venue's cross-province seats are booked, the lifecycle
 * moves on, and the partner's sub-venues show nowhere.
 */
@RemoteEvalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CrossProvinceAssignmentIntegrationTest {

    /** Sub-venue names no other test uses, to search for everywhere they must not be. */
    private static final String SECRET_VENUE_A = "长春净月评标基地七号室";
    private static final String SECRET_VENUE_B = "沈阳浑南远程评标中心三号室";
    private static final String SECRET_PROVINCE = "辽宁省";

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    Persisted persisted;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SeatBookings bookings;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    AuditLog audit;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    /** A 5-member plan: 2 seats at the main venue, 3 at the partner's sub-venues. */
    static Map<String, Object> plan(int mainVenueSeats, int seatsA, int seatsB) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("partnerProvince", "吉林省");
        plan.put("mainVenueSeats", mainVenueSeats);
        plan.put("partnerSubVenues", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("province", "吉林省", "venue", SECRET_VENUE_A, "seats", seatsA)),
                new LinkedHashMap<>(Map.of("province", SECRET_PROVINCE, "venue", SECRET_VENUE_B, "seats", seatsB)))));
        return plan;
    }

    private String crossProvinceTender(LocalDate date) throws Exception {
        JsonNode tender = api.register(TenderBody.valid().category("SERVICES", "12000000.00")
                .with("evaluationDate", date.toString()).with("halfDay", "PM"));
        assertThat(tender.get("scope").asText()).isEqualTo("CROSS_PROVINCE");
        String id = tender.get("id").asText();
        awaitState(id, "AWAITING_PARTNER_ASSIGNMENT");
        return id;
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> state.equals(api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText()));
    }

    private String path(String tenderId) {
        return "/api/tenders/" + tenderId + "/cross-province-assignment";
    }

    private List<Map<String, Object>> booked(String holder) {
        return jdbc.sql("SELECT w.center_code, w.cross_province, b.purpose, b.eval_date, b.half_day "
                + "FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id WHERE b.holder_ref = ?")
                .param(holder).query().listOfRows();
    }

    private Map<String, Long> writable() {
        Map<String, Long> counts = new LinkedHashMap<>(persisted.snapshot());
        for (String table : List.of("partner_hosting", "cross_province_assignment", "workstation_booking")) {
            counts.put(table, persisted.count(table));
        }
        return counts;
    }

    private ProcessInstance instance(String tenderId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId).singleResult();
    }

    private List<String> activeActivities(String tenderId) {
        return runtime.getActiveActivityIds(instance(tenderId).getId());
    }

    @Test
    void onlyTheProvincialCenterEntersThePartnersPlan() throws Exception {
        String id = crossProvinceTender(TenderBody.freshDate());
        Map<String, Long> before = writable();

        for (String user : List.of("staff-hrb", "supervisor-hrb", "staff-qqhr", "tenderer", "drc")) {
            api.post(user, path(id), plan(2, 2, 1)).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }

        assertThat(writable()).isEqualTo(before);
        assertThat(activeActivities(id)).containsExactly("AwaitPartnerAssignment");
        api.post("staff-prov", path(id), plan(2, 2, 1)).andExpect(status().isCreated());
    }

    static Stream<Arguments> invalidPlans() {
        return Stream.of(
                invalid("no partner", p -> p.remove("partnerProvince"), "partnerProvince"),
                invalid("this province as partner", p -> p.put("partnerProvince", "黑龙江省"), "partnerProvince"),
                invalid("this province, short name", p -> p.put("partnerProvince", "黑龙江"), "partnerProvince"),
                invalid("negative main venue seats", p -> p.put("mainVenueSeats", -1), "mainVenueSeats"),
                invalid("missing main venue seats", p -> p.remove("mainVenueSeats"), "mainVenueSeats"),
                invalid("no sub-venue", p -> p.put("partnerSubVenues", List.of()), "partnerSubVenues"),
                invalid("missing sub-venues", p -> p.remove("partnerSubVenues"), "partnerSubVenues"),
                invalid("a sub-venue without seats", p -> subVenue(p, 1).put("seats", 0), "partnerSubVenues[1].seats"),
                invalid("a sub-venue without name", p -> subVenue(p, 0).remove("venue"), "partnerSubVenues[0].venue"),
                invalid("a sub-venue without province", p -> subVenue(p, 0).put("province", ""),
                        "partnerSubVenues[0].province"),
                invalid("seats short of the committee", p -> p.put("mainVenueSeats", 1), "mainVenueSeats"),
                invalid("seats beyond the committee", p -> p.put("mainVenueSeats", 3), "mainVenueSeats"),
                invalid("an unknown field", p -> p.put("subVenueCenters", List.of("HRB")), "subVenueCenters"),
                invalid("seats as text", p -> p.put("mainVenueSeats", "两"), "mainVenueSeats"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> subVenue(Map<String, Object> plan, int index) {
        return ((List<Map<String, Object>>) plan.get("partnerSubVenues")).get(index);
    }

    private static Arguments invalid(String name, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPlans")
    void aRejectedPlanNamesTheFieldInChineseAndWritesNothing(String name, Consumer<Map<String, Object>> change,
            String field) throws Exception {
        String id = crossProvinceTender(TenderBody.freshDate());
        Map<String, Object> plan = plan(2, 2, 1);
        change.accept(plan);
        Map<String, Long> before = writable();

        String body = api.post("staff-prov", path(id), plan).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem(field)))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain(SECRET_VENUE_A).doesNotContain(SECRET_VENUE_B);
        assertThat(writable()).isEqualTo(before);
        assertThat(booked(id)).isEmpty();
        assertThat(activeActivities(id)).containsExactly("AwaitPartnerAssignment");
    }

    @Test
    void unknownTendersAreNotFoundAndOtherScopesConflict() throws Exception {
        api.post("staff-prov", path("no-such-tender"), plan(2, 2, 1)).andExpect(status().isNotFound());

        JsonNode intra = api.register(TenderBody.valid());
        assertThat(intra.get("scope").asText()).isEqualTo("INTRA_PROVINCE");
        api.post("staff-prov", path(intra.get("id").asText()), plan(2, 2, 1)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        // An exempt tender settles at once (no asynchronous draw), so "nothing written" is exact.
        JsonNode exempt = api.register(TenderBody.valid().category("SERVICES", "12000000.00")
                .exemption("STATE_SECRET", "涉及国家秘密"));
        assertThat(exempt.get("scope").asText()).isEqualTo("EXEMPT");
        Map<String, Long> before = writable();

        api.post("staff-prov", path(exempt.get("id").asText()), plan(2, 2, 1)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        assertThat(writable()).isEqualTo(before);
    }

    @Test
    void theNationalExpertDrawIsRecordedWithWhoRecordedItAndWhenAndAudited() throws Exception {
        String id = crossProvinceTender(TenderBody.freshDate());
        api.post("staff-prov", path(id), plan(2, 2, 1)).andExpect(status().isCreated());
        awaitState(id, "AWAITING_EXPERT_DRAW");
        Task record = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("RecordNationalExpertDraw")
                .singleResult();
        Instant before = Instant.now().minusSeconds(1);

        EngineActor.as(identity, "staff-prov", "staff-PROV",
                () -> tasks.complete(record.getId(), Map.of("nationalExpertDrawReference", " NAT-2036/0001 ")));

        // Recorded, the tender is ready, and the lifecycle starts the evaluation day at once.
        awaitState(id, "EVALUATING");
        List<Object> row = jdbc.sql("SELECT national_expert_draw_reference, national_expert_draw_recorded_by, "
                + "national_expert_draw_recorded_at FROM tender WHERE id = ?").param(id)
                .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).single();
        assertThat(row.get(0)).isEqualTo("NAT-2036/0001");
        assertThat(row.get(1)).isEqualTo("staff-prov");
        // MariaDB keeps whole seconds.
        assertThat((Instant) row.get(2)).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> audit.entriesFor("TENDER", id).stream()
                .anyMatch(e -> e.action().equals("NATIONAL_EXPERT_DRAW_RECORDED")));
        assertThat(audit.entriesFor("TENDER", id)).filteredOn(e -> e.action().equals("NATIONAL_EXPERT_DRAW_RECORDED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("staff-prov");
                    assertThat(e.detail()).isEqualTo("reference=NAT-2036/0001");
                });
    }

    @Test
    void thePlanBooksTheMainVenuesCrossProvinceSeatsMovesTheTenderOnAndShowsNoSubVenue(CapturedOutput output)
            throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.PM);
        String id = crossProvinceTender(date);
        String processInstanceId = instance(id).getId();
        int crossFree = bookings.freeSeats(slot, true).get("HRB");
        int allFree = bookings.freeSeats(slot, false).get("HRB");
        int logStart = output.getAll().length();

        ResultActions result = api.post("staff-prov", path(id), plan(2, 2, 1)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.tenderId").value(id))
                .andExpect(jsonPath("$.partnerProvince").value("吉林省"))
                .andExpect(jsonPath("$.mainVenueSeats").value(2))
                .andExpect(jsonPath("$.receivedAt").isNotEmpty());
        String answer = result.andReturn().getResponse().getContentAsString();
        List<String> receiptFields = new ArrayList<>();
        api.read(result).fieldNames().forEachRemaining(receiptFields::add);
        assertThat(receiptFields).containsExactlyInAnyOrder("tenderId", "partnerProvince", "mainVenueSeats", "receivedAt");
        JsonNode node = api.read(api.get("staff-prov", "/api/tenders/" + id));

        // The main venue's seats: cross-province workstations at HRB, for the tender's slot.
        List<Map<String, Object>> rows = booked(id);
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(row -> assertThat(PartnerHostingIntegrationTest.crossProvince(row)).isTrue());
        assertThat(rows).extracting(row -> row.get("center_code")).containsOnly("HRB");
        assertThat(rows).extracting(row -> row.get("purpose")).containsOnly("CROSS_PROVINCE_MAIN_VENUE");
        assertThat(rows).extracting(row -> row.get("half_day")).containsOnly("PM");
        assertThat(bookings.freeSeats(slot, true).get("HRB")).isEqualTo(crossFree - 2);
        assertThat(bookings.freeSeats(slot, false).get("HRB")).isEqualTo(allFree - 2);

        // The tender moved on, and so did its process: it left the wait for the partner.
        assertThat(node.get("state").asText()).isEqualTo("AWAITING_EXPERT_DRAW");
        assertThat(activeActivities(id)).containsExactly("RecordNationalExpertDraw");
        List<HistoricActivityInstance> waits = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).activityId("AwaitPartnerAssignment").list();
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0).getEndTime()).isNotNull();
        assertThat(waits.get(0).isCanceled()).isFalse();

        List<AuditEntry> entries = audit.entriesFor("TENDER", id);
        assertThat(entries).filteredOn(e -> e.action().equals("CROSS_PROVINCE_ASSIGNMENT_RECEIVED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("staff-prov");
                    assertThat(e.detail()).contains("吉林省").contains("mainVenueSeats=2");
                });

        // The partner's sub-venues: stored, and nowhere else.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cross_province_assignment WHERE tender_id = ? AND current_marker = TRUE")
                .param(id).query(Long.class).single()).isOne();
        for (String secret : List.of(SECRET_VENUE_A, SECRET_VENUE_B, SECRET_PROVINCE)) {
            assertThat(answer).doesNotContain(secret);
            assertThat(node.toString()).doesNotContain(secret);
            assertThat(entries).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(secret));
            assertThat(output.getAll().substring(logStart)).doesNotContain(secret);
            assertThat(runtime.getVariables(processInstanceId).toString()).doesNotContain(secret);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list())
                    .allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(secret));
        }
    }

    @Test
    void notEnoughCrossProvinceSeatsAtTheMainVenueRefusesThePlanAndWritesNothing() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.PM);
        String id = crossProvinceTender(date);
        int crossFree = bookings.freeSeats(slot, true).get("HRB");
        // A partner's tender hosted at HRB takes all but one cross-province seat; ordinary seats stay free.
        Map<String, Object> hosting = new LinkedHashMap<>(Map.of("partnerProvince", "吉林省", "partnerTenderRef",
                "JL-" + id.substring(0, 8), "centerCode", "HRB", "date", date.toString(), "halfDay", "PM",
                "seats", crossFree - 1));
        String hostingId = api.read(api.post("staff-prov", "/api/cross-province/hostings", hosting)
                .andExpect(status().isCreated())).get("id").asText();
        assertThat(bookings.freeSeats(slot, false).get("HRB")).isGreaterThan(2);
        Map<String, Long> before = writable();

        api.post("staff-prov", path(id), plan(2, 2, 1)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("主场可用跨省评标工位不足"))
                .andExpect(jsonPath("$.errors[0].field").value("mainVenueSeats"));

        assertThat(writable()).isEqualTo(before);
        assertThat(booked(id)).isEmpty();
        assertThat(activeActivities(id)).containsExactly("AwaitPartnerAssignment");

        // One seat is enough: the partner may put the rest at its sub-venues.
        api.post("staff-prov", path(id), plan(1, 3, 1)).andExpect(status().isCreated());
        assertThat(booked(id)).hasSize(1);
        mvc.perform(delete("/api/cross-province/hostings/" + hostingId).with(httpBasic("staff-prov", "staff-prov")))
                .andExpect(status().isNoContent());
    }

    @Test
    void aSecondPlanForTheSameSlotConflicts() throws Exception {
        String id = crossProvinceTender(TenderBody.freshDate());
        api.post("staff-prov", path(id), plan(2, 2, 1)).andExpect(status().isCreated());
        Map<String, Long> before = writable();

        api.post("staff-prov", path(id), plan(2, 2, 1)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        assertThat(writable()).isEqualTo(before);
        assertThat(booked(id)).hasSize(2);
    }

    @Test
    void aPlanWithAllSeatsAtThePartnersSubVenuesBooksNothingHere() throws Exception {
        String id = crossProvinceTender(TenderBody.freshDate());

        api.post("staff-prov", path(id), plan(0, 3, 2)).andExpect(status().isCreated());

        assertThat(booked(id)).isEmpty();
        awaitState(id, "AWAITING_EXPERT_DRAW");
    }

    @Test
    void movingTheEvaluationVoidsThePlanFreesTheSeatsAndWaitsForANewOne() throws Exception {
        LocalDate date = TenderBody.freshDate();
        String id = crossProvinceTender(date);
        api.post("staff-prov", path(id), plan(2, 2, 1)).andExpect(status().isCreated());
        assertThat(booked(id)).hasSize(2);
        LocalDate moved = TenderBody.freshDate();

        api.post("staff-hrb", "/api/tenders/" + id + "/evaluation-slot",
                Map.of("evaluationDate", moved.toString(), "halfDay", "AM")).andExpect(status().isOk());

        awaitState(id, "AWAITING_PARTNER_ASSIGNMENT");
        assertThat(booked(id)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> activeActivities(id).contains("AwaitPartnerAssignment"));
        assertThat(jdbc.sql("SELECT void_reason FROM cross_province_assignment WHERE tender_id = ? AND current_marker IS NULL")
                .param(id).query(String.class).list()).containsExactly("EVALUATION_MOVED");

        api.post("staff-prov", path(id), plan(3, 1, 1)).andExpect(status().isCreated());
        List<Map<String, Object>> rows = booked(id);
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(row -> row.get("half_day")).containsOnly("AM");
        awaitState(id, "AWAITING_EXPERT_DRAW");
    }

    @Test
    void withdrawingTheTenderFreesTheMainVenuesSeats() throws Exception {
        String id = crossProvinceTender(TenderBody.freshDate());
        api.post("staff-prov", path(id), plan(2, 2, 1)).andExpect(status().isCreated());

        api.post("staff-hrb", "/api/tenders/" + id + "/withdrawal", Map.of("reason", "招标计划取消"))
                .andExpect(status().isOk());

        assertThat(booked(id)).isEmpty();
        assertThat(jdbc.sql("SELECT void_reason FROM cross_province_assignment WHERE tender_id = ?")
                .param(id).query(String.class).list()).containsExactly("TENDER_WITHDRAWN");
    }
}
