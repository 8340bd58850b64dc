package cn.hlj.remoteeval.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/** Policy 六: before the day a sub-venue sees an anonymous session code, the slot and the seat count, nothing else. */
@RemoteEvalIntegrationTest
class CenterSessionsIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    SeatBookings bookings;

    @Test
    void aSubVenueSeesOnlyItsOwnAnonymousSessionsWithTheirSlotAndSeats() throws Exception {
        LocalDate day = FarDates.next();
        String holder = "tender-" + VenueRequests.uniqueCode();
        bookings.book(holder, BookingPurpose.RANDOM_DRAW, new Slot(day, HalfDay.PM), Map.of("JMS", 2, "SYS", 1, "HRB", 1),
                false);
        String path = "/api/centers/JMS/sessions?from=" + day + "&to=" + day;

        String body = api.get("staff-jms", path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode sessions = api.read(api.get("staff-jms", path));
        assertThat(sessions).hasSize(1);
        JsonNode session = sessions.get(0);
        List<String> names = new ArrayList<>();
        session.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("sessionCode", "date", "halfDay", "seats");
        assertThat(session.get("sessionCode").asText()).matches("RS-[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(session.get("date").asText()).isEqualTo(day.toString());
        assertThat(session.get("halfDay").asText()).isEqualTo("PM");
        assertThat(session.get("seats").asInt()).isEqualTo(2);
        assertThat(body).doesNotContain(holder).doesNotContain("SYS").doesNotContain("HRB").doesNotContain("RANDOM_DRAW");

        JsonNode sys = api.read(api.get("supervisor-sys", "/api/centers/SYS/sessions?from=" + day + "&to=" + day)
                .andExpect(status().isOk()));
        assertThat(sys).hasSize(1);
        assertThat(sys.get(0).get("seats").asInt()).isOne();
        assertThat(sys.get(0).get("sessionCode").asText()).isNotEqualTo(session.get("sessionCode").asText());
        assertThat(api.read(api.get("demo", path))).hasSize(1);

        bookings.release(holder);
        assertThat(api.read(api.get("staff-jms", path))).isEmpty();
    }

    @Test
    void otherCentersTheProvinceTenderersAndTheDrcSeeNoSessionsOfACenter() throws Exception {
        for (String outsider : List.of("staff-mdj", "staff-prov", "supervisor-prov", "tenderer", "drc")) {
            api.get(outsider, "/api/centers/JMS/sessions").andExpect(status().isForbidden());
        }
    }

    @Test
    void badDatesAreRefused() throws Exception {
        JsonNode problem = api.read(api.get("staff-jms", "/api/centers/JMS/sessions?from=2032-13-01&to=2032-01-01")
                .andExpect(status().isBadRequest()));
        assertThat(WorkstationDirectoryIntegrationTest.fields(problem)).containsExactly("from");
        api.get("staff-jms", "/api/centers/JMS/sessions?from=2032-01-02&to=2032-01-01").andExpect(status().isBadRequest());
        api.get("staff-jms", "/api/centers/JMS/sessions?from=2032-01-01&to=2034-01-01").andExpect(status().isBadRequest());
        api.get("staff-jms", "/api/centers/JMS/sessions").andExpect(status().isOk());
    }
}
