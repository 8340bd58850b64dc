package cn.hlj.remoteeval.expert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.expert.internal.ExpertImportView.Phase;
import cn.hlj.remoteeval.expert.internal.ExpertImportView.State;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * The {@code expert_import} table. Progress is written outside the import's own transaction (each
 * write commits at once), so that it can be watched while the import runs.
 */
@Repository
class JdbcExpertImports {

    private static final TypeReference<List<FieldViolation>> ERRORS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, state, phase, background, file_name, rows_read, rows_valid, error_count, "
            + "errors, created_count, updated_count, unchanged_count, started_by, started_at, finished_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcExpertImports(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Where an import stands: rows read so far, the valid ones, the problems (the first ones only). */
    record Progress(long rowsRead, long rowsValid, long errorCount, List<FieldViolation> errors) {
    }

    void create(String id, boolean background, String fileName, long fileSize, String by, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("INSERT INTO expert_import (id, state, phase, background, file_name, file_size, rows_read, rows_valid, "
                + "error_count, started_by, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)")
                .params(id, State.RUNNING.name(), Phase.VALIDATING.name(), background, fileName, fileSize, by, now, now)
                .update();
    }

    void progress(String id, Phase phase, Progress progress, Instant at) {
        jdbc.sql("UPDATE expert_import SET phase = ?, rows_read = ?, rows_valid = ?, error_count = ?, errors = ?, "
                + "updated_at = ? WHERE id = ? AND state = ?")
                .params(phase.name(), progress.rowsRead(), progress.rowsValid(), progress.errorCount(),
                        errors(progress.errors()), Timestamp.from(at), id, State.RUNNING.name())
                .update();
    }

    void finish(String id, State state, Progress progress, ExpertWriter.Counts counts, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("UPDATE expert_import SET state = ?, phase = ?, rows_read = ?, rows_valid = ?, error_count = ?, "
                + "errors = ?, created_count = ?, updated_count = ?, unchanged_count = ?, updated_at = ?, finished_at = ? "
                + "WHERE id = ?")
                .params(state.name(), Phase.DONE.name(), progress.rowsRead(), progress.rowsValid(),
                        progress.errorCount(), errors(progress.errors()), counts == null ? null : counts.created(),
                        counts == null ? null : counts.updated(), counts == null ? null : counts.unchanged(), now, now, id)
                .update();
    }

    Optional<ExpertImportView> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM expert_import WHERE id = ?").param(id).query(this::view).optional();
    }

    List<ExpertImportView> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM expert_import ORDER BY started_at DESC, id LIMIT ?").param(limit)
                .query(this::view).list();
    }

    /** Imports a stopped node left RUNNING (no progress for the given time) are failed; their data never committed. */
    int failAbandoned(Instant silentSince, Instant at) {
        Timestamp now = Timestamp.from(at);
        return jdbc.sql("UPDATE expert_import SET state = ?, phase = ?, updated_at = ?, finished_at = ? "
                + "WHERE state = ? AND updated_at < ?")
                .params(State.FAILED.name(), Phase.DONE.name(), now, now, State.RUNNING.name(),
                        Timestamp.from(silentSince))
                .update();
    }

    private String errors(List<FieldViolation> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Import errors could not be written");
        }
    }

    private ExpertImportView view(ResultSet rs, int row) throws SQLException {
        String errors = rs.getString("errors");
        List<FieldViolation> list;
        try {
            list = errors == null ? List.of() : json.readValue(errors, ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Import errors could not be read");
        }
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ExpertImportView(rs.getString("id"), State.valueOf(rs.getString("state")),
                Phase.valueOf(rs.getString("phase")), rs.getBoolean("background"), rs.getString("file_name"),
                rs.getLong("rows_read"), rs.getLong("rows_valid"), rs.getLong("error_count"), list,
                nullableLong(rs, "created_count"), nullableLong(rs, "updated_count"), nullableLong(rs, "unchanged_count"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
