package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.Persisted;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.SeatBookings;
import cn.hlj.remoteeval.venue.Slot;

/** A partner province's tender hosted here: only at permanent sub-venues, only on cross-province workstations. */
@RemoteEvalIntegrationTest
class PartnerHostingIntegrationTest {

    private static final String PATH = "/api/cross-province/hostings";

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
    AuditLog audit;

    private static Map<String, Object> body(String center, LocalDate date, int seats) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("partnerProvince", "吉林省");
        body.put("partnerTenderRef", "JL-" + UUID.randomUUID().toString().substring(0, 12));
        body.put("centerCode", center);
        body.put("date", date.toString());
        body.put("halfDay", "PM");
        body.put("seats", seats);
        return body;
    }

    private JsonNode register(Map<String, Object> body) throws Exception {
        return api.read(api.post("staff-prov", PATH, body).andExpect(status().isCreated()));
    }

    private ResultActions cancel(String user, String id) throws Exception {
        return mvc.perform(delete(PATH + "/" + id).with(httpBasic(user, user)));
    }

    private int free(Slot slot, String center, boolean crossProvinceOnly) {
        return bookings.freeSeats(slot, crossProvinceOnly).get(center);
    }

    /**
     * The cross_province flag of each workstation booked for the holder, with its center and
     * purpose (column names are case-insensitive keys).
     */
    private List<Map<String, Object>> booked(String holder) {
        return jdbc.sql("SELECT w.center_code, w.cross_province, b.purpose, b.eval_date, b.half_day "
                + "FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id WHERE b.holder_ref = ?")
                .param(holder).query().listOfRows();
    }

    private Map<String, Long> writable() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>(persisted.snapshot());
        for (String table : List.of("partner_hosting", "cross_province_assignment", "workstation_booking")) {
            counts.put(table, persisted.count(table));
        }
        return counts;
    }

    @Test
    void onlyTheProvincialCentersStaffAndOperatorsMayArrangeHostings() throws Exception {
        Map<String, Object> body = body("HRB", TenderBody.freshDate(), 1);
        for (String user : List.of("staff-hrb", "staff-qqhr", "supervisor-prov", "tenderer", "drc")) {
            api.post(user, PATH, body).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            api.get(user, PATH).andExpect(status().isForbidden());
        }
        JsonNode created = register(body);
        String id = created.get("id").asText();
        api.get("staff-hrb", PATH + "/" + id).andExpect(status().isForbidden());
        cancel("staff-hrb", id).andExpect(status().isForbidden());
        assertThat(booked(id)).hasSize(1);

        api.get("staff-prov", PATH + "/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACTIVE"));
        JsonNode byOperator = api.read(api.post("demo", PATH, body("QQHR", TenderBody.freshDate(), 1))
                .andExpect(status().isCreated()));
        cancel("demo", byOperator.get("id").asText()).andExpect(status().isNoContent());
        cancel("staff-prov", id).andExpect(status().isNoContent());
    }

    static Stream<Arguments> invalidHostings() {
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        return Stream.of(
                invalid("this province as partner", b -> b.put("partnerProvince", "黑龙江省"), "partnerProvince"),
                invalid("blank partner", b -> b.put("partnerProvince", " "), "partnerProvince"),
                invalid("missing partner tender", b -> b.remove("partnerTenderRef"), "partnerTenderRef"),
                invalid("an ordinary center", b -> b.put("centerCode", "MDJ"), "centerCode"),
                invalid("another ordinary center", b -> b.put("centerCode", "DQ"), "centerCode"),
                invalid("an unknown center", b -> b.put("centerCode", "XYZ"), "centerCode"),
                invalid("a date in the past", b -> b.put("date", yesterday), "date"),
                invalid("a malformed date", b -> b.put("date", "2033-02-30"), "date"),
                invalid("an unknown half-day", b -> b.put("halfDay", "NIGHT"), "halfDay"),
                invalid("no seat", b -> b.put("seats", 0), "seats"),
                invalid("seats as text", b -> b.put("seats", "三"), "seats"),
                invalid("an unknown field", b -> b.put("room", "A"), "room"));
    }

    private static Arguments invalid(String name, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(name, change, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHostings")
    void aRejectedHostingNamesTheFieldAndWritesNothing(String name, Consumer<Map<String, Object>> change,
            String field) throws Exception {
        Map<String, Object> body = body("HRB", TenderBody.freshDate(), 2);
        change.accept(body);
        Map<String, Long> before = writable();

        api.post("staff-prov", PATH, body).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem(field)))
                .andExpect(jsonPath("$.errors[0].message", Matchers.not(Matchers.emptyString())));

        assertThat(writable()).isEqualTo(before);
    }

    @Test
    void aCenterThatIsNotAPermanentSubVenueIsRefusedEvenWithFreeCrossProvinceCapacityElsewhere() throws Exception {
        Map<String, Object> body = body("MDJ", TenderBody.freshDate(), 1);
        Map<String, Long> before = writable();

        api.post("staff-prov", PATH, body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("centerCode"))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("HRB")));

        assertThat(writable()).isEqualTo(before);
    }

    @Test
    void aHostingBooksOnlyCrossProvinceWorkstations() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.PM);
        int ordinaryFree = free(slot, "QQHR", false) - free(slot, "QQHR", true);
        assertThat(ordinaryFree).as("ordinary workstations free at QQHR (a booking that ignored the flag would take them)")
                .isPositive();

        JsonNode hosting = register(body("QQHR", date, 3));

        List<Map<String, Object>> rows = booked(hosting.get("id").asText());
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(crossProvince(row)).isTrue());
        assertThat(rows).extracting(row -> row.get("center_code")).containsOnly("QQHR");
        assertThat(rows).extracting(row -> row.get("purpose")).containsOnly("PARTNER_HOSTING");
        assertThat(free(slot, "QQHR", false) - free(slot, "QQHR", true)).isEqualTo(ordinaryFree);
        assertThat(hosting.get("centerCode").asText()).isEqualTo("QQHR");
        assertThat(hosting.get("seats").asInt()).isEqualTo(3);
        assertThat(hosting.get("state").asText()).isEqualTo("ACTIVE");
        cancel("staff-prov", hosting.get("id").asText()).andExpect(status().isNoContent());
    }

    @Test
    void whenOnlyOrdinaryWorkstationsAreFreeTheHostingIsRefused() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.PM);
        int crossFree = free(slot, "PROV", true);
        assertThat(crossFree).isPositive();
        JsonNode all = register(body("PROV", date, crossFree));
        assertThat(free(slot, "PROV", true)).isZero();
        assertThat(free(slot, "PROV", false)).as("ordinary workstations still free at PROV").isPositive();
        Map<String, Long> before = writable();

        api.post("staff-prov", PATH, body("PROV", date, 1)).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("可用跨省评标工位不足"))
                .andExpect(jsonPath("$.errors[0].field").value("seats"));

        assertThat(writable()).isEqualTo(before);
        cancel("staff-prov", all.get("id").asText()).andExpect(status().isNoContent());
        assertThat(free(slot, "PROV", true)).isEqualTo(crossFree);
    }

    @Test
    void cancellingFreesTheSeatsOnceAndTheSamePartnerTenderCanThenBeHostedAgain() throws Exception {
        LocalDate date = TenderBody.freshDate();
        Slot slot = new Slot(date, HalfDay.PM);
        int crossFree = free(slot, "HRB", true);
        Map<String, Object> body = body("HRB", date, 4);
        String id = register(body).get("id").asText();
        assertThat(free(slot, "HRB", true)).isEqualTo(crossFree - 4);

        api.post("staff-prov", PATH, body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("partnerTenderRef"));

        cancel("staff-prov", id).andExpect(status().isNoContent());
        assertThat(booked(id)).isEmpty();
        assertThat(free(slot, "HRB", true)).isEqualTo(crossFree);
        api.get("staff-prov", PATH + "/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelledBy").value("staff-prov"))
                .andExpect(jsonPath("$.cancelledAt").isNotEmpty());
        Map<String, Long> before = writable();
        cancel("staff-prov", id).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(writable()).isEqualTo(before);

        String again = register(body).get("id").asText();
        assertThat(again).isNotEqualTo(id);
        assertThat(booked(again)).hasSize(4);
        cancel("staff-prov", again).andExpect(status().isNoContent());

        List<AuditEntry> entries = audit.entriesFor("PARTNER_HOSTING", id);
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("PARTNER_HOSTING_REGISTERED", "PARTNER_HOSTING_CANCELLED");
        assertThat(entries).extracting(AuditEntry::actor).containsOnly("staff-prov");
    }

    @Test
    void hostingsAreListedByDateAndUnknownOnesAreNotFound() throws Exception {
        LocalDate date = TenderBody.freshDate();
        String id = register(body("HRB", date, 1)).get("id").asText();

        JsonNode listed = api.read(api.get("staff-prov", PATH + "?from=" + date + "&to=" + date).andExpect(status().isOk()));
        assertThat(listed.findValuesAsText("id")).contains(id);
        JsonNode before = api.read(api.get("staff-prov", PATH + "?from=" + date.minusDays(3) + "&to=" + date.minusDays(1)));
        assertThat(before.findValuesAsText("id")).doesNotContain(id);
        api.get("staff-prov", PATH + "?from=" + date + "&to=" + date.minusDays(1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        api.get("staff-prov", PATH + "?from=tomorrow").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        api.get("staff-prov", PATH + "/" + UUID.randomUUID()).andExpect(status().isNotFound());
        cancel("staff-prov", UUID.randomUUID().toString()).andExpect(status().isNotFound());

        cancel("staff-prov", id).andExpect(status().isNoContent());
    }

    /** BOOLEAN on H2, TINYINT(1) on MariaDB. */
    static boolean crossProvince(Map<String, Object> row) {
        Object flag = row.get("cross_province");
        return flag instanceof Boolean b ? b : ((Number) flag).intValue() != 0;
    }
}
