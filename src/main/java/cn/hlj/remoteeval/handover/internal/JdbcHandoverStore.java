package cn.hlj.remoteeval.handover.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables av_handover, av_handover_item and handover_supervision. */
@Repository
class JdbcHandoverStore implements HandoverStore {

    private static final String SELECT = "SELECT id, tender_id, main_center, leg, leg_ref, start_day, state, deadline_id, "
            + "due_date, medium, item_count, handed_by, handed_at, received_by, received_at, checksums_verified, "
            + "tenderer_receiver, reminded_at, breached_at, opened_at FROM av_handover";

    /** Explicit: the record mapper probes camel-case column names first, and H2 traces every miss. */
    private static final RowMapper<AvHandover> ROW = (rs, row) -> new AvHandover(rs.getString("id"),
            rs.getString("tender_id"), rs.getString("main_center"), HandoverLeg.valueOf(rs.getString("leg")),
            rs.getString("leg_ref"), rs.getObject("start_day", LocalDate.class),
            HandoverState.valueOf(rs.getString("state")), rs.getString("deadline_id"),
            rs.getObject("due_date", LocalDate.class), medium(rs), integer(rs, "item_count"), rs.getString("handed_by"),
            instant(rs, "handed_at"), rs.getString("received_by"), instant(rs, "received_at"),
            bool(rs, "checksums_verified"), rs.getString("tenderer_receiver"), instant(rs, "reminded_at"),
            instant(rs, "breached_at"), instant(rs, "opened_at"));

    private static final RowMapper<SealedItem> ITEM = (rs, row) -> new SealedItem(rs.getInt("item_no"),
            rs.getString("file_name"), rs.getString("sha256"));

    private final JdbcClient jdbc;

    JdbcHandoverStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AvHandover h) {
        jdbc.sql("INSERT INTO av_handover (id, tender_id, main_center, leg, leg_ref, start_day, state, opened_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(h.id(), h.tenderId(), h.mainCenter(), h.leg().name(), h.legRef(), h.startDay(),
                        h.state().name(), Timestamp.from(h.openedAt()))
                .update();
    }

    @Override
    public Optional<AvHandover> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ROW).optional();
    }

    @Override
    public Optional<AvHandover> find(String tenderId, HandoverLeg leg, String legRef) {
        return jdbc.sql(SELECT + " WHERE tender_id = ? AND leg = ? AND leg_ref = ?").params(tenderId, leg.name(), legRef)
                .query(ROW).optional();
    }

    @Override
    public List<AvHandover> ofTender(String tenderId) {
        return jdbc.sql(SELECT + " WHERE tender_id = ? ORDER BY leg DESC, leg_ref").param(tenderId).query(ROW).list();
    }

    /** Hand-overs of a leg not received yet, or opened after the given instant. */
    @Override
    public List<AvHandover> current(HandoverLeg leg, Instant openedAfter) {
        return jdbc.sql(SELECT + " WHERE leg = ? AND (state <> ? OR opened_at >= ?) ORDER BY due_date, leg_ref")
                .params(leg.name(), HandoverState.RECEIVED.name(), Timestamp.from(openedAfter)).query(ROW).list();
    }

    @Override
    public void deadlineOpened(String id, String deadlineId, LocalDate dueDate) {
        jdbc.sql("UPDATE av_handover SET deadline_id = ?, due_date = ? WHERE id = ?").params(deadlineId, dueDate, id)
                .update();
    }

    @Override
    public void handedOver(String id, HandoverState state, Medium medium, List<SealedItem> items, String handedBy,
            Instant handedAt, String tendererReceiver, Instant recordedAt) {
        jdbc.sql("UPDATE av_handover SET state = ?, medium = ?, item_count = ?, handed_by = ?, handed_at = ?, "
                + "tenderer_receiver = ?, handover_recorded_at = ? WHERE id = ?")
                .params(state.name(), medium.name(), items.size(), handedBy, Timestamp.from(handedAt), tendererReceiver,
                        Timestamp.from(recordedAt), id)
                .update();
        jdbc.sql("DELETE FROM av_handover_item WHERE handover_id = ?").param(id).update();
        for (SealedItem item : items) {
            jdbc.sql("INSERT INTO av_handover_item (handover_id, item_no, file_name, sha256) VALUES (?, ?, ?, ?)")
                    .params(id, item.no(), item.fileName(), item.sha256()).update();
        }
    }

    @Override
    public void received(String id, String receivedBy, Instant receivedAt) {
        jdbc.sql("UPDATE av_handover SET state = ?, received_by = ?, received_at = ?, checksums_verified = ? WHERE id = ?")
                .params(HandoverState.RECEIVED.name(), receivedBy, Timestamp.from(receivedAt), true, id).update();
    }

    @Override
    public void reminded(String id, Instant at) {
        jdbc.sql("UPDATE av_handover SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL").params(Timestamp.from(at), id)
                .update();
    }

    @Override
    public void breached(String id, Instant at) {
        jdbc.sql("UPDATE av_handover SET breached_at = ? WHERE id = ? AND breached_at IS NULL").params(Timestamp.from(at), id)
                .update();
    }

    @Override
    public List<SealedItem> items(String id) {
        return jdbc.sql("SELECT item_no, file_name, sha256 FROM av_handover_item WHERE handover_id = ? ORDER BY item_no")
                .param(id).query(ITEM).list();
    }

    @Override
    public void supervised(Supervision s) {
        jdbc.sql("INSERT INTO handover_supervision (id, subject_type, subject_id, deadline_id, acted_by, acted_at, "
                + "action, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.subjectType(), s.subjectId(), s.deadlineId(), s.actedBy(), Timestamp.from(s.actedAt()),
                        s.action().name(), s.note())
                .update();
    }

    private static Medium medium(ResultSet rs) throws SQLException {
        String medium = rs.getString("medium");
        return medium == null ? null : Medium.valueOf(medium);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
