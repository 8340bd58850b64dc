package cn.hlj.remoteeval.draw.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/** The committee_seat table: invitations never deleted, a seat held while its row's busy_slot is set. */
@Repository
class CommitteeSeats {

    private static final String COLUMNS = "id, tender_id, seat_no, center_code, specialty_code, expert_ref, expert_city, "
            + "draw_id, eval_date, half_day, state, tenderer_key, invited_at, answer_due_at, answered_at";

    private final RowMapper<CommitteeSeat> seatRow = (rs, row) -> {
        String id = rs.getString("id");
        return new CommitteeSeat(id, rs.getString("tender_id"), rs.getInt("seat_no"), open("center_code", id, rs),
                rs.getString("specialty_code"), rs.getString("expert_ref"), open("expert_city", id, rs),
                rs.getString("draw_id"),
                new Slot(rs.getDate("eval_date").toLocalDate(), HalfDay.valueOf(rs.getString("half_day"))),
                SeatState.valueOf(rs.getString("state")), rs.getString("tenderer_key"),
                rs.getTimestamp("invited_at").toInstant(), rs.getTimestamp("answer_due_at").toInstant(),
                instant(rs.getTimestamp("answered_at")));
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SealedColumns sealed;

    CommitteeSeats(JdbcClient jdbc, JdbcTemplate batch, SealedColumns sealed) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.sealed = sealed;
    }

    private String open(String column, String id, ResultSet rs) throws SQLException {
        return sealed.open("committee_seat", column, id, rs.getString(column));
    }

    static String busySlot(Slot slot) {
        return slot.date() + " " + slot.halfDay().name();
    }

    void insert(CommitteeSeat seat, String invitationTokenHash) {
        jdbc.sql("INSERT INTO committee_seat (" + COLUMNS + ", busy_slot, invitation_token_hash) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seat.id(), seat.tenderId(), seat.seatNo(), sealed.seal(seat.center()), seat.specialty(),
                        seat.expertRef(), sealed.seal(seat.expertCity()), seat.drawId(), Date.valueOf(seat.slot().date()), seat.slot().halfDay().name(),
                        seat.state().name(), seat.tendererKey(), Timestamp.from(seat.invitedAt()),
                        Timestamp.from(seat.answerDueAt()), null, busySlot(seat.slot()), invitationTokenHash)
                .update();
    }

    /** The seats' current holders: the invitations that still hold a seat, by seat number. */
    List<CommitteeSeat> holding(String tenderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM committee_seat WHERE tender_id = ? AND busy_slot IS NOT NULL "
                + "ORDER BY seat_no").param(tenderId).query(seatRow).list();
    }

    /** Every invitation of the tender, in seat and time order. */
    List<CommitteeSeat> all(String tenderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM committee_seat WHERE tender_id = ? ORDER BY seat_no, invited_at")
                .param(tenderId).query(seatRow).list();
    }

    /** The latest invitation for the seat, whether or not it still holds it. */
    Optional<CommitteeSeat> latest(String tenderId, int seatNo) {
        // MySQL keeps whole seconds here (sendFractionalSeconds=false): a replacement invited in the second its
        // predecessor ended ties on invited_at; a seat's invitation only follows one that ended, so the open one wins.
        return jdbc.sql("SELECT " + COLUMNS + " FROM committee_seat WHERE tender_id = ? AND seat_no = ? "
                + "ORDER BY invited_at DESC, CASE WHEN state IN ('INVITED', 'ACCEPTED') THEN 0 ELSE 1 END, id")
                .params(tenderId, seatNo).query(seatRow).list().stream().findFirst();
    }

    Optional<CommitteeSeat> byId(String id) {
        return id == null || id.length() > 36 ? Optional.empty()
                : jdbc.sql("SELECT " + COLUMNS + " FROM committee_seat WHERE id = ?").param(id).query(seatRow).optional();
    }

    Optional<CommitteeSeat> byTokenHash(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM committee_seat WHERE invitation_token_hash = ?").param(tokenHash)
                .query(seatRow).optional();
    }

    /** Everyone ever invited for the tender: a supplementary draw never picks them again. */
    Set<String> everDrawn(String tenderId) {
        return new HashSet<>(jdbc.sql("SELECT expert_ref FROM committee_seat WHERE tender_id = ?").param(tenderId)
                .query(String.class).list());
    }

    /** Experts holding a seat of any tender in the slot. */
    Set<String> busyIn(Slot slot) {
        return new HashSet<>(jdbc.sql("SELECT expert_ref FROM committee_seat WHERE busy_slot = ?").param(busySlot(slot))
                .query(String.class).list());
    }

    /** Accepted invitations per expert for the tenderer with an evaluation date from {@code since} on. */
    Map<String, Integer> acceptedForTenderer(String tendererKey, LocalDate since, LocalDate until) {
        Map<String, Integer> counts = new HashMap<>();
        if (tendererKey == null) {
            return counts;
        }
        jdbc.sql("SELECT expert_ref, COUNT(*) AS n FROM committee_seat WHERE tenderer_key = ? AND state = 'ACCEPTED' "
                + "AND eval_date >= ? AND eval_date <= ? GROUP BY expert_ref")
                .params(tendererKey, Date.valueOf(since), Date.valueOf(until))
                .query((rs, row) -> counts.put(rs.getString("expert_ref"), rs.getInt("n"))).list();
        return counts;
    }

    /** Answers false when the invitation no longer waits for an answer (answered, ended, or timed out meanwhile). */
    boolean accept(String seatId, Instant at) {
        return jdbc.sql("UPDATE committee_seat SET state = 'ACCEPTED', answered_at = ? WHERE id = ? AND state = 'INVITED'")
                .params(Timestamp.from(at), seatId).update() == 1;
    }

    /** Ends an invitation that holds its seat; answers false when it did not hold it any more. */
    boolean end(String seatId, SeatState to, Instant at, boolean answered) {
        return jdbc.sql("UPDATE committee_seat SET state = ?, busy_slot = NULL, ended_at = ?"
                + (answered ? ", answered_at = ?" : ", answered_at = answered_at")
                + " WHERE id = ? AND busy_slot IS NOT NULL")
                .params(answered ? List.of(to.name(), Timestamp.from(at), Timestamp.from(at), seatId)
                        : List.of(to.name(), Timestamp.from(at), seatId))
                .update() == 1;
    }

    boolean unseal(String tenderId, Instant at) {
        if (isUnsealed(tenderId)) {
            return false;
        }
        jdbc.sql("INSERT INTO committee_unsealing (tender_id, unsealed_at) VALUES (?, ?)")
                .params(tenderId, Timestamp.from(at)).update();
        return true;
    }

    boolean isUnsealed(String tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM committee_unsealing WHERE tender_id = ?").param(tenderId)
                .query(Integer.class).single() > 0;
    }

    void recordExclusions(String drawId, List<Exclusion> exclusions) {
        if (exclusions.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO expert_draw_exclusion (draw_id, expert_ref, rule, reason) VALUES (?, ?, ?, ?)",
                exclusions.stream().map(e -> new Object[] { drawId, e.expertRef(), e.rule().name(), e.reason() }).toList());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
