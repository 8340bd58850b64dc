package cn.hlj.remoteeval.crossprovince.assignment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The seats of a partner's sessions whose experts the partner draws for one of this province's tenders
 * (table {@code partner_expert_seat}): opaque seat references, the specialty asked for, and the partner's
 * answer. Never an expert: the partner keeps them.
 */
@Repository
class PartnerExpertSeats {

    enum State {
        REQUESTED, CONFIRMED, SHORT
    }

    /** One seat asked for in one round; {@code voided}: its plan became void and its answer no longer counts. */
    record Seat(String seatRef, String tenderId, String partner, String sessionRef, String specialtyCode, State state,
            int round, boolean voided) {
    }

    private final JdbcClient jdbc;

    PartnerExpertSeats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tender's seats of its current plan, every round, in the order they were asked for. */
    List<Seat> current(String tenderId) {
        return jdbc.sql(SELECT + "WHERE tender_id = ? AND voided_at IS NULL ORDER BY round_no, seq_in_round")
                .param(tenderId).query(PartnerExpertSeats::seat).list();
    }

    Optional<Seat> find(String seatRef) {
        return jdbc.sql(SELECT + "WHERE seat_ref = ?").param(seatRef).query(PartnerExpertSeats::seat).optional();
    }

    /** The next round's number for the tender: one more than any before, voided rounds included. */
    int nextRound(String tenderId) {
        return jdbc.sql("SELECT COALESCE(MAX(round_no), 0) + 1 FROM partner_expert_seat WHERE tender_id = ?")
                .param(tenderId).query(Integer.class).single();
    }

    void insert(Seat seat, int seqInRound, Instant requestedAt) {
        jdbc.sql("INSERT INTO partner_expert_seat (seat_ref, tender_id, partner, session_ref, specialty_code, state, "
                + "round_no, seq_in_round, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seat.seatRef(), seat.tenderId(), seat.partner(), seat.sessionRef(), seat.specialtyCode(),
                        State.REQUESTED.name(), seat.round(), seqInRound, Timestamp.from(requestedAt))
                .update();
    }

    /** Records the partner's answer for a seat still waiting; answers whether it was waiting. */
    boolean answer(String seatRef, State state, Instant answeredAt) {
        return jdbc.sql("UPDATE partner_expert_seat SET state = ?, answered_at = ? WHERE seat_ref = ? AND state = ? "
                + "AND voided_at IS NULL")
                .params(state.name(), Timestamp.from(answeredAt), seatRef, State.REQUESTED.name()).update() == 1;
    }

    /** A confirmed seat the partner could no longer fill (its expert did not arrive); answers whether it was confirmed. */
    boolean shortAfterConfirmation(String seatRef, Instant at) {
        return jdbc.sql("UPDATE partner_expert_seat SET state = ?, answered_at = ? WHERE seat_ref = ? AND state = ? "
                + "AND voided_at IS NULL")
                .params(State.SHORT.name(), Timestamp.from(at), seatRef, State.CONFIRMED.name()).update() == 1;
    }

    /** The tender's plan is void: none of its seats counts any more. Answers how many were voided. */
    int voidAll(String tenderId, Instant voidedAt) {
        return jdbc.sql("UPDATE partner_expert_seat SET voided_at = ? WHERE tender_id = ? AND voided_at IS NULL")
                .params(Timestamp.from(voidedAt), tenderId).update();
    }

    private static final String SELECT = "SELECT seat_ref, tender_id, partner, session_ref, specialty_code, state, "
            + "round_no, voided_at FROM partner_expert_seat ";

    private static Seat seat(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Seat(rs.getString("seat_ref"), rs.getString("tender_id"), rs.getString("partner"),
                rs.getString("session_ref"), rs.getString("specialty_code"), State.valueOf(rs.getString("state")),
                rs.getInt("round_no"), rs.getTimestamp("voided_at") != null);
    }
}
