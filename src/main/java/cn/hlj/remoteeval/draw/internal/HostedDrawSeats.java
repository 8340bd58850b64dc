package cn.hlj.remoteeval.draw.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/** The hosted_draw_seat table: the seats of hosted sessions the draw fills, with what their supplementary draws need. */
@Repository
class HostedDrawSeats {

    enum State {
        OPEN, CONFIRMED, SHORT, CANCELLED
    }

    /** One seat of a hosted session: where and when, its specialty, and the organisations its experts must not belong to. */
    record HostedDrawSeat(String hostingId, int seatNo, String specialty, String center, Slot slot,
            List<String> excludedOrganisations, State state) {
    }

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowMapper<HostedDrawSeat> row;

    HostedDrawSeats(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, n) -> new HostedDrawSeat(rs.getString("hosting_id"), rs.getInt("seat_no"),
                rs.getString("specialty_code"), rs.getString("center_code"),
                new Slot(rs.getDate("eval_date").toLocalDate(), HalfDay.valueOf(rs.getString("half_day"))),
                names(rs.getString("excluded_organisations")), State.valueOf(rs.getString("state")));
    }

    void insert(HostedDrawSeat seat, Instant at) {
        jdbc.sql("INSERT INTO hosted_draw_seat (hosting_id, seat_no, specialty_code, center_code, eval_date, half_day, "
                + "excluded_organisations, state, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seat.hostingId(), seat.seatNo(), seat.specialty(), seat.center(), Date.valueOf(seat.slot().date()),
                        seat.slot().halfDay().name(), text(seat.excludedOrganisations()), seat.state().name(),
                        Timestamp.from(at))
                .update();
    }

    Optional<HostedDrawSeat> find(String hostingId, int seatNo) {
        return jdbc.sql("SELECT * FROM hosted_draw_seat WHERE hosting_id = ? AND seat_no = ?").params(hostingId, seatNo)
                .query(row).optional();
    }

    boolean hosts(String hostingId) {
        return jdbc.sql("SELECT COUNT(*) FROM hosted_draw_seat WHERE hosting_id = ?").param(hostingId)
                .query(Long.class).single() > 0;
    }

    /** Settles an open seat; answers false when it was no longer open (settled or cancelled meanwhile). */
    boolean settle(String hostingId, int seatNo, State to, Instant at) {
        return jdbc.sql("UPDATE hosted_draw_seat SET state = ?, settled_at = ? WHERE hosting_id = ? AND seat_no = ? "
                + "AND state = 'OPEN'").params(to.name(), Timestamp.from(at), hostingId, seatNo).update() == 1;
    }

    /** A confirmed seat whose expert did not arrive is open again for its supplementary draw; false when it was not confirmed. */
    boolean reopen(String hostingId, int seatNo) {
        return jdbc.sql("UPDATE hosted_draw_seat SET state = 'OPEN', settled_at = NULL WHERE hosting_id = ? AND seat_no = ? "
                + "AND state = 'CONFIRMED'").params(hostingId, seatNo).update() == 1;
    }

    /** Every seat of the hosting not short is cancelled: open ones and confirmed ones alike. */
    int cancel(String hostingId, Instant at) {
        return jdbc.sql("UPDATE hosted_draw_seat SET state = 'CANCELLED', settled_at = ? WHERE hosting_id = ? "
                + "AND state IN ('OPEN', 'CONFIRMED')").params(Timestamp.from(at), hostingId).update();
    }

    private String text(List<String> names) {
        try {
            return json.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> names(String text) {
        try {
            return json.readValue(text, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable excluded organisations of a hosted seat", e);
        }
    }
}
