package cn.hlj.remoteeval.handover.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table wrongdoing_clue. */
@Repository
class JdbcClueStore implements ClueStore {

    private static final String SELECT = "SELECT id, tender_id, session_code, category, found_on, description_cipher, "
            + "reported_by, reported_at, state, receipt_deadline_id, received_by, received_at, transfer_deadline_id, "
            + "transfer_body, transferred_on, reference_number, transfer_recorded_by, transfer_recorded_at "
            + "FROM wrongdoing_clue";

    private static final RowMapper<Clue> ROW = (rs, row) -> new Clue(rs.getString("id"), rs.getString("tender_id"),
            rs.getString("session_code"), ClueCategory.valueOf(rs.getString("category")),
            rs.getObject("found_on", LocalDate.class), rs.getString("description_cipher"), rs.getString("reported_by"),
            JdbcHandoverStore.instant(rs, "reported_at"), ClueState.valueOf(rs.getString("state")),
            rs.getString("receipt_deadline_id"), rs.getString("received_by"), JdbcHandoverStore.instant(rs, "received_at"),
            rs.getString("transfer_deadline_id"),
            rs.getString("transfer_body") == null ? null : TransferBody.valueOf(rs.getString("transfer_body")),
            rs.getObject("transferred_on", LocalDate.class), rs.getString("reference_number"),
            rs.getString("transfer_recorded_by"), JdbcHandoverStore.instant(rs, "transfer_recorded_at"));

    private final JdbcClient jdbc;

    JdbcClueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Clue c) {
        jdbc.sql("INSERT INTO wrongdoing_clue (id, tender_id, session_code, category, found_on, description_cipher, "
                + "reported_by, reported_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.tenderId(), c.sessionCode(), c.category().name(), c.foundOn(), c.descriptionCipher(),
                        c.reportedBy(), Timestamp.from(c.reportedAt()), c.state().name())
                .update();
    }

    @Override
    public Optional<Clue> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ROW).optional();
    }

    @Override
    public List<Clue> ofTender(String tenderId) {
        return jdbc.sql(SELECT + " WHERE tender_id = ? ORDER BY reported_at, id").param(tenderId).query(ROW).list();
    }

    @Override
    public void receiptDeadlineOpened(String id, String deadlineId) {
        jdbc.sql("UPDATE wrongdoing_clue SET receipt_deadline_id = ? WHERE id = ?").params(deadlineId, id).update();
    }

    @Override
    public void received(String id, String receivedBy, Instant receivedAt) {
        jdbc.sql("UPDATE wrongdoing_clue SET state = ?, received_by = ?, received_at = ? WHERE id = ?")
                .params(ClueState.RECEIVED.name(), receivedBy, Timestamp.from(receivedAt), id).update();
    }

    @Override
    public void transferDeadlineOpened(String id, String deadlineId) {
        jdbc.sql("UPDATE wrongdoing_clue SET transfer_deadline_id = ? WHERE id = ?").params(deadlineId, id).update();
    }

    @Override
    public void transferred(String id, TransferBody body, LocalDate transferredOn, String referenceNumber,
            String recordedBy, Instant recordedAt) {
        jdbc.sql("UPDATE wrongdoing_clue SET state = ?, transfer_body = ?, transferred_on = ?, reference_number = ?, "
                + "transfer_recorded_by = ?, transfer_recorded_at = ? WHERE id = ?")
                .params(ClueState.TRANSFERRED.name(), body.name(), transferredOn, referenceNumber, recordedBy,
                        Timestamp.from(recordedAt), id)
                .update();
    }
}
