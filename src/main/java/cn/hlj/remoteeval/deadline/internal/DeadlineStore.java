package cn.hlj.remoteeval.deadline.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;

/** The deadline table. State changes happen under the row lock of {@link #lock}. */
@Repository
class DeadlineStore {

    private static final String COLUMNS = "id, kind, tender_id, subject_ref, start_day, due_date, due_at, remind_at, "
            + "state, missing_year, created_at, version";

    private static final RowMapper<DeadlineRecord> ROW = DeadlineStore::map;

    private final JdbcClient jdbc;

    DeadlineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static DeadlineRecord map(ResultSet rs, int row) throws SQLException {
        int missing = rs.getInt("missing_year");
        Integer missingYear = rs.wasNull() ? null : missing;
        return new DeadlineRecord(rs.getString("id"), DeadlineKind.valueOf(rs.getString("kind")),
                rs.getString("tender_id"), rs.getString("subject_ref"), rs.getObject("start_day", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("remind_at")), DeadlineState.valueOf(rs.getString("state")), missingYear,
                instant(rs.getTimestamp("created_at")), rs.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    void insert(DeadlineRecord d) {
        jdbc.sql("INSERT INTO deadline (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(d.id(), d.kind().name(), d.tenderId(), d.subjectRef(), d.startDay(), d.dueDate(),
                        timestamp(d.dueAt()), timestamp(d.remindAt()), d.state().name(), d.missingYear(),
                        timestamp(d.createdAt()))
                .update();
    }

    Optional<DeadlineRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE id = ?").param(id).query(ROW).optional();
    }

    /** Locks the row until the transaction ends: firing, completing and cancelling queue behind each other. */
    Optional<DeadlineRecord> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE id = ? FOR UPDATE").param(id).query(ROW).optional();
    }

    List<String> tendersBreachedBetween(DeadlineKind kind, Instant from, Instant until) {
        return jdbc.sql("SELECT tender_id FROM deadline WHERE kind = ? AND breached_at >= ? AND breached_at < ?")
                .params(kind.name(), timestamp(from), timestamp(until)).query(String.class).list();
    }

    void changeState(String id, DeadlineState state, String timeColumn, Instant at) {
        String column = switch (timeColumn) {
            case "reminded_at", "breached_at", "completed_at" -> timeColumn;
            default -> throw new IllegalArgumentException(timeColumn);
        };
        jdbc.sql("UPDATE deadline SET state = ?, " + column + " = ?, version = version + 1 WHERE id = ?")
                .params(state.name(), timestamp(at), id).update();
    }

    void schedule(String id, DeadlineDates dates) {
        jdbc.sql("UPDATE deadline SET state = 'SCHEDULED', due_date = ?, due_at = ?, remind_at = ?, missing_year = NULL, "
                + "version = version + 1 WHERE id = ?")
                .params(dates.dueDate(), timestamp(dates.dueAt()), timestamp(dates.remindAt()), id).update();
    }

    void stillAwaiting(String id, int missingYear) {
        jdbc.sql("UPDATE deadline SET missing_year = ?, version = version + 1 WHERE id = ? AND missing_year <> ?")
                .params(missingYear, id, missingYear).update();
    }

    /** Ids of deadlines that can still fire, oldest first. */
    List<DeadlineRecord> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE state IN ('SCHEDULED', 'REMINDED') ORDER BY due_at, id")
                .query(ROW).list();
    }

    List<DeadlineRecord> ofTender(String tenderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE tender_id = ? "
                + "ORDER BY CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, created_at, id")
                .param(tenderId).query(ROW).list();
    }

    List<DeadlineRecord> inState(DeadlineState state, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deadline WHERE state = ? ORDER BY created_at, id LIMIT ?")
                .params(state.name(), limit).query(ROW).list();
    }

    /** Deadlines awaiting a calendar, counted per missing year. */
    Map<Integer, Long> awaitingPerYear() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT missing_year, COUNT(*) AS n FROM deadline WHERE state = 'AWAITING_CALENDAR' "
                + "GROUP BY missing_year ORDER BY missing_year")
                .query((rs, row) -> counts.put(rs.getInt("missing_year"), rs.getLong("n"))).list();
        return counts;
    }
}
