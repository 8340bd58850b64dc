package cn.hlj.remoteeval.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** The workstation directory of policy 四: each center keeps its own, the provincial center sees all. */
@RemoteEvalIntegrationTest
class WorkstationDirectoryIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SeatBookings bookings;
    @Autowired
    JdbcClient jdbc;

    VenueRequests requests;

    @BeforeEach
    void requests() {
        requests = new VenueRequests(mvc, json);
    }

    private Map<String, Object> workstation(String code, boolean crossProvince) {
        return api.map("code", code, "room", "远程异地评标区 A 评标室 3", "crossProvince", crossProvince, "avNotes",
                "1080P 摄像头、全向麦克风");
    }

    private JsonNode register(String center, String code, boolean crossProvince) throws Exception {
        return api.read(api.post("staff-" + center.toLowerCase(), "/api/centers/" + center + "/workstations",
                workstation(code, crossProvince)).andExpect(status().isCreated()));
    }

    @Test
    void staffRegisterSeeAndUpdateTheirOwnCentersWorkstations() throws Exception {
        String code = VenueRequests.uniqueCode();

        api.post("staff-mdj", "/api/centers/MDJ/workstations", workstation(code.toLowerCase(), true))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/centers/MDJ/workstations/" + code))
                .andExpect(jsonPath("$.centerCode").value("MDJ"))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.crossProvince").value(true))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.registeredBy").value("staff-mdj"))
                .andExpect(jsonPath("$.outages").isEmpty());

        for (String reader : List.of("staff-mdj", "supervisor-mdj", "staff-prov", "demo")) {
            JsonNode list = api.read(api.get(reader, "/api/centers/MDJ/workstations").andExpect(status().isOk()));
            assertThat(codes(list)).as(reader).contains(code).isSorted();
        }
        JsonNode updated = api.read(requests.put("staff-mdj", "/api/centers/MDJ/workstations/" + code,
                api.map("room", "远程异地评标区 B 评标室 1", "crossProvince", false, "avNotes", null, "version", 0))
                .andExpect(status().isOk()));
        assertThat(updated.get("room").asText()).isEqualTo("远程异地评标区 B 评标室 1");
        assertThat(updated.get("crossProvince").asBoolean()).isFalse();
        assertThat(updated.get("avNotes").isNull()).isTrue();
        assertThat(updated.get("version").asLong()).isEqualTo(1);

        requests.put("staff-mdj", "/api/centers/MDJ/workstations/" + code,
                api.map("room", "旧页面的修改", "crossProvince", true, "version", 0))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        requests.put("staff-mdj", "/api/centers/MDJ/workstations/NOPE-" + code,
                api.map("room", "房间", "crossProvince", true)).andExpect(status().isNotFound());
    }

    @Test
    void otherCentersTenderersAndTheDrcAreRefused() throws Exception {
        String code = VenueRequests.uniqueCode();
        register("MDJ", code, false);

        for (String outsider : List.of("staff-hrb", "supervisor-hrb", "supervisor-prov", "tenderer", "drc")) {
            api.get(outsider, "/api/centers/MDJ/workstations").andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        for (String notMaintainer : List.of("staff-prov", "supervisor-mdj", "staff-hrb")) {
            api.post(notMaintainer, "/api/centers/MDJ/workstations", workstation(VenueRequests.uniqueCode(), false))
                    .andExpect(status().isForbidden());
            requests.put(notMaintainer, "/api/centers/MDJ/workstations/" + code,
                    api.map("room", "改", "crossProvince", true)).andExpect(status().isForbidden());
            api.post(notMaintainer, "/api/centers/MDJ/workstations/" + code + "/outages",
                    api.map("from", "2032-01-01", "to", "2032-01-02", "reason", "检修")).andExpect(status().isForbidden());
        }
        assertThat(count("MDJ", code)).isOne();
    }

    @Test
    void theProvinceWideDirectoryIsForProvincialStaffAndOperators() throws Exception {
        JsonNode all = api.read(api.get("staff-prov", "/api/workstations").andExpect(status().isOk()));
        Map<String, Integer> crossByCenter = new HashMap<>();
        List<String> centers = new ArrayList<>();
        for (JsonNode workstation : all) {
            String center = workstation.get("centerCode").asText();
            if (!centers.contains(center)) {
                centers.add(center);
            }
            if (workstation.get("crossProvince").asBoolean()) {
                crossByCenter.merge(center, 1, Integer::sum);
            }
        }
        assertThat(centers).startsWith("PROV", "HRB", "QQHR").contains("MDJ", "DXAL").hasSize(14);
        assertThat(crossByCenter.get("PROV")).isGreaterThanOrEqualTo(12);
        assertThat(crossByCenter.get("HRB")).isGreaterThanOrEqualTo(12);
        assertThat(crossByCenter.get("QQHR")).isGreaterThanOrEqualTo(12);

        JsonNode cross = api.read(api.get("demo", "/api/workstations?crossProvince=true").andExpect(status().isOk()));
        assertThat(cross).isNotEmpty().allSatisfy(w -> assertThat(w.get("crossProvince").asBoolean()).isTrue());

        for (String refused : List.of("staff-hrb", "supervisor-prov", "tenderer", "drc")) {
            api.get(refused, "/api/workstations").andExpect(status().isForbidden());
        }
    }

    @Test
    void anUnknownCenterIsNotFound() throws Exception {
        api.get("demo", "/api/centers/NOPE/workstations").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("NOPE")));
        api.post("demo", "/api/centers/NOPE/workstations", workstation(VenueRequests.uniqueCode(), false))
                .andExpect(status().isNotFound());
        api.get("demo", "/api/centers/NOPE/sessions").andExpect(status().isNotFound());
    }

    @Test
    void badFieldsAreRefusedNamingEachFieldAndWriteNothing() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM workstation").query(Long.class).single();

        JsonNode problem = api.read(api.post("staff-jx", "/api/centers/JX/workstations",
                api.map("code", "坏 码", "room", " ", "crossProvince", null, "avNotes", "x".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));

        assertThat(fields(problem)).containsExactly("code", "room", "crossProvince", "avNotes");
        assertThat(problem.get("errors")).allSatisfy(e -> assertThat(e.get("message").asText()).containsPattern("\\p{IsHan}"));
        api.postRaw("staff-jx", "/api/centers/JX/workstations", "{\"code\": \"A1\", \"unknown\": 1}")
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM workstation").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aCodeIsUniqueWithinItsCenterWhateverTheCase() throws Exception {
        String code = VenueRequests.uniqueCode();
        register("JX", code, false);

        api.post("staff-jx", "/api/centers/JX/workstations", workstation(code.toLowerCase(), true))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        register("YC", code, false);
        assertThat(count("JX", code)).isOne();
    }

    @Test
    void anOutageTakesAWorkstationOutOfTheFreeSeatsOnlyInsideItsRange() throws Exception {
        String code = VenueRequests.uniqueCode();
        register("JX", code, false);
        LocalDate day = FarDates.next();
        Map<LocalDate, Integer> before = freeAt("JX", day.minusDays(1), day, day.plusDays(1), day.plusDays(2));

        JsonNode outage = api.read(api.post("staff-jx", "/api/centers/JX/workstations/" + code + "/outages",
                api.map("from", day.toString(), "to", day.plusDays(1).toString(), "reason", "音视频设备检修"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reassignedSeats").value(0)));

        Map<LocalDate, Integer> during = freeAt("JX", day.minusDays(1), day, day.plusDays(1), day.plusDays(2));
        assertThat(during.get(day.minusDays(1))).isEqualTo(before.get(day.minusDays(1)));
        assertThat(during.get(day)).isEqualTo(before.get(day) - 1);
        assertThat(during.get(day.plusDays(1))).isEqualTo(before.get(day.plusDays(1)) - 1);
        assertThat(during.get(day.plusDays(2))).isEqualTo(before.get(day.plusDays(2)));
        JsonNode listed = find(api.read(api.get("staff-jx", "/api/centers/JX/workstations")), code);
        assertThat(listed.get("outages")).hasSize(1);
        assertThat(listed.get("outages").get(0).get("from").asText()).isEqualTo(day.toString());
        assertThat(listed.get("outages").get(0).get("reason").asText()).isEqualTo("音视频设备检修");

        String path = "/api/centers/JX/workstations/" + code + "/outages/" + outage.get("id").asLong();
        requests.delete("staff-jx", path).andExpect(status().isNoContent());
        requests.delete("staff-jx", path).andExpect(status().isNotFound());
        assertThat(freeAt("JX", day.minusDays(1), day, day.plusDays(1), day.plusDays(2))).isEqualTo(before);
    }

    @Test
    void anOutageWithBadDatesIsRefused() throws Exception {
        String code = VenueRequests.uniqueCode();
        register("JX", code, false);
        String path = "/api/centers/JX/workstations/" + code + "/outages";

        assertThat(fields(api.read(api.post("staff-jx", path, api.map("from", "2032-01-05", "to", "2032-01-04", "reason", "检修"))
                .andExpect(status().isBadRequest())))).containsExactly("to");
        assertThat(fields(api.read(api.post("staff-jx", path, api.map("from", "2032/01/05", "to", null, "reason", ""))
                .andExpect(status().isBadRequest())))).containsExactly("from", "to", "reason");
        assertThat(fields(api.read(api.post("staff-jx", path, api.map("from", "2020-01-01", "to", "2020-01-02", "reason", "检修"))
                .andExpect(status().isBadRequest())))).containsExactly("to");
    }

    @Test
    void aSeatBookedOnAWorkstationTakenOutOfServiceMovesToAnotherOne() throws Exception {
        LocalDate day = FarDates.next();
        Slot slot = new Slot(day, HalfDay.PM);
        String holder = "move-" + VenueRequests.uniqueCode();
        bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot, Map.of("YC", 1), false);
        String booked = bookedCode(holder);
        int free = bookings.freeSeats(slot, false).get("YC");

        api.post("staff-yc", "/api/centers/YC/workstations/" + booked + "/outages",
                api.map("from", day.toString(), "to", day.toString(), "reason", "摄像头故障"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reassignedSeats").value(1));

        assertThat(bookedCode(holder)).isNotEqualTo(booked);
        assertThat(bookings.freeSeats(slot, false).get("YC")).isEqualTo(free - 1);
        bookings.release(holder);
    }

    @Test
    void aWorkstationWhoseSeatCannotMoveStaysInService() throws Exception {
        LocalDate day = FarDates.next();
        Slot slot = new Slot(day, HalfDay.AM);
        String holder = "full-" + VenueRequests.uniqueCode();
        bookings.book(holder, BookingPurpose.RANDOM_DRAW, slot, Map.of("QTH", bookings.freeSeats(slot, false).get("QTH")),
                false);
        String booked = bookedCode(holder);
        long outages = jdbc.sql("SELECT COUNT(*) FROM workstation_outage").query(Long.class).single();

        api.post("staff-qth", "/api/centers/QTH/workstations/" + booked + "/outages",
                api.map("from", day.minusDays(1).toString(), "to", day.toString(), "reason", "检修"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString(day + " 上午")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString(holder))));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM workstation_outage").query(Long.class).single()).isEqualTo(outages);
        assertThat(bookedCode(holder)).isEqualTo(booked);
        bookings.release(holder);
    }

    @Test
    void theDirectoryNeverShowsWhoHoldsASeat() throws Exception {
        LocalDate day = FarDates.next();
        String holder = "secret-" + VenueRequests.uniqueCode();
        bookings.book(holder, BookingPurpose.RANDOM_DRAW, new Slot(day, HalfDay.AM), Map.of("MDJ", 2), false);
        String sessionCode = jdbc.sql("SELECT session_code FROM workstation_booking WHERE holder_ref = ?").param(holder)
                .query(String.class).list().get(0);

        for (String path : List.of("/api/centers/MDJ/workstations", "/api/workstations")) {
            String body = api.get("demo", path).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain(holder).doesNotContain(sessionCode).doesNotContain("RANDOM_DRAW");
        }
        bookings.release(holder);
    }

    /** The lowest workstation code the holder has a seat on. */
    private String bookedCode(String holder) {
        return jdbc.sql("SELECT w.code FROM workstation_booking b JOIN workstation w ON w.id = b.workstation_id "
                + "WHERE b.holder_ref = ? ORDER BY w.code").param(holder).query(String.class).list().get(0);
    }

    private Map<LocalDate, Integer> freeAt(String center, LocalDate... days) {
        Map<LocalDate, Integer> free = new HashMap<>();
        for (LocalDate day : days) {
            free.put(day, bookings.freeSeats(new Slot(day, HalfDay.AM), false).get(center));
        }
        return free;
    }

    private long count(String center, String code) {
        return jdbc.sql("SELECT COUNT(*) FROM workstation WHERE center_code = ? AND code = ?").params(center, code)
                .query(Long.class).single();
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(w -> codes.add(w.get("code").asText()));
        return codes;
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode w : list) {
            if (w.get("code").asText().equals(code)) {
                return w;
            }
        }
        throw new AssertionError(code + " not listed");
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
