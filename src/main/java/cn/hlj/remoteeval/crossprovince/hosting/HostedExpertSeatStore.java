package cn.hlj.remoteeval.crossprovince.hosting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hosting_expert_seat table: the seats partners asked this province's experts for, by their opaque references. */
@Repository
class HostedExpertSeatStore {

    enum State {
        DRAWING, CONFIRMED, SHORT, CANCELLED
    }

    record HostedExpertSeat(String hostingId, int seatNo, int round, String seatRef, String specialtyCode, State state,
            Instant reportedAt, Instant signedAt) {
    }

    private static final String SELECT = "SELECT hosting_id, seat_no, round_no, seat_ref, specialty_code, state, reported_at, "
            + "signed_at FROM hosting_expert_seat";

    private static final RowMapper<HostedExpertSeat> ROW = (rs, row) -> new HostedExpertSeat(rs.getString("hosting_id"),
            rs.getInt("seat_no"), rs.getInt("round_no"), rs.getString("seat_ref"), rs.getString("specialty_code"),
            State.valueOf(rs.getString("state")), instant(rs.getTimestamp("reported_at")),
            instant(rs.getTimestamp("signed_at")));

    private final JdbcClient jdbc;

    HostedExpertSeatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the hosting's row until the caller's transaction ends, so that the seats of one hosting are asked
     * for, settled and reported one transaction at a time (two seats settling together both see the round
     * complete, or one does). Answers whether the hosting exists.
     */
    boolean lockHosting(String hostingId) {
        return !jdbc.sql("SELECT id FROM partner_hosting WHERE id = ? FOR UPDATE").param(hostingId).query(String.class)
                .list().isEmpty();
    }

    /** Whether the partner ever had its tender hosted here under this reference (active or not). */
    boolean everHosted(String partner, String tenderRef) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_hosting WHERE partner_province = ? AND partner_tender_ref = ?")
                .params(partner, tenderRef).query(Long.class).single() > 0;
    }

    /** Every seat of the hosting, oldest first. */
    List<HostedExpertSeat> ofHosting(String hostingId) {
        return jdbc.sql(SELECT + " WHERE hosting_id = ? ORDER BY seat_no").param(hostingId).query(ROW).list();
    }

    Optional<HostedExpertSeat> find(String hostingId, int seatNo) {
        return jdbc.sql(SELECT + " WHERE hosting_id = ? AND seat_no = ?").params(hostingId, seatNo).query(ROW).optional();
    }

    List<HostedExpertSeat> round(String hostingId, int round) {
        return jdbc.sql(SELECT + " WHERE hosting_id = ? AND round_no = ? ORDER BY seat_no").params(hostingId, round)
                .query(ROW).list();
    }

    void insert(String hostingId, int seatNo, int round, String seatRef, String specialtyCode, Instant at) {
        jdbc.sql("INSERT INTO hosting_expert_seat (hosting_id, seat_no, round_no, seat_ref, specialty_code, state, "
                + "requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(hostingId, seatNo, round, seatRef, specialtyCode, State.DRAWING.name(), Timestamp.from(at)).update();
    }

    /** Settles a seat still being drawn; answers false when it was not (settled or cancelled before). */
    boolean settle(String hostingId, int seatNo, State to, Instant at) {
        return jdbc.sql("UPDATE hosting_expert_seat SET state = ?, settled_at = ? WHERE hosting_id = ? AND seat_no = ? "
                + "AND state = 'DRAWING'").params(to.name(), Timestamp.from(at), hostingId, seatNo).update() == 1;
    }

    /**
     * The seat's expert did not arrive: the seat is being drawn again under the same reference (a confirmed
     * seat goes back to DRAWING; one still drawing stays so). Answers false for a seat short or cancelled.
     */
    boolean redraw(String hostingId, int seatNo) {
        return jdbc.sql("UPDATE hosting_expert_seat SET state = 'DRAWING', settled_at = NULL WHERE hosting_id = ? "
                + "AND seat_no = ? AND state IN ('DRAWING', 'CONFIRMED')").params(hostingId, seatNo).update() == 1;
    }

    void reported(String hostingId, int round, Instant at) {
        jdbc.sql("UPDATE hosting_expert_seat SET reported_at = ? WHERE hosting_id = ? AND round_no = ?")
                .params(Timestamp.from(at), hostingId, round).update();
    }

    void signed(String hostingId, int seatNo, String signatureRef, Instant at) {
        jdbc.sql("UPDATE hosting_expert_seat SET signature_ref = ?, signed_at = ? WHERE hosting_id = ? AND seat_no = ?")
                .params(signatureRef, Timestamp.from(at), hostingId, seatNo).update();
    }

    int cancel(String hostingId, Instant at) {
        return jdbc.sql("UPDATE hosting_expert_seat SET state = 'CANCELLED', settled_at = ? WHERE hosting_id = ? "
                + "AND state IN ('DRAWING', 'CONFIRMED')").params(Timestamp.from(at), hostingId).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
