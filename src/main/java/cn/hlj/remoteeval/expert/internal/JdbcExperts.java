package cn.hlj.remoteeval.expert.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertCategory;
import cn.hlj.remoteeval.expert.ExpertPool;

/**
 * The {@code expert} and {@code expert_history} tables. Bulk writes go as multi-row INSERTs and
 * batched UPDATEs, so that a whole pool is written in one transaction in seconds; a new expert is
 * one row (its creation is recorded in the row), a change one more.
 */
@Repository
class JdbcExperts {

    /** Rows per multi-row INSERT; well below either database's placeholder limit. */
    static final int CHUNK = 500;

    private static final String COLUMNS = "id, expert_ref, name_enc, id_number_enc, id_number_index, mobile_enc, "
            + "specialty_code, category, employer, city, status, status_reason, version, created_at, created_by, created_source, "
            + "updated_at";

    private static final RowMapper<StoredExpert> ROW = JdbcExperts::stored;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcExperts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new expert, encrypted, ready to insert. */
    record NewExpert(String ref, String nameEnc, String idNumberEnc, String idNumberIndex, String mobileEnc,
            String specialtyCode, ExpertCategory category, String employer, String city) {
    }

    /** The new values of an existing expert (encrypted where personal) and the version it was read at. */
    record ChangedExpert(long id, long readVersion, String nameEnc, String idNumberEnc, String mobileEnc,
            String specialtyCode, ExpertCategory category, String employer, String city) {
    }

    /** One line of an expert's history. */
    record HistoryLine(String ref, long version, Instant changedAt, String changedBy, String source,
            String changedFields, String previousValuesEnc) {
    }

    /** The filter of the administrators' list; null means any. */
    record Filter(String specialtyCode, String city, ExpertStatus status) {
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM expert").query(Long.class).single() == 0;
    }

    Optional<StoredExpert> find(String ref) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM expert WHERE expert_ref = ?").param(ref).query(ROW).optional();
    }

    /** The experts with these blind indexes of their 身份证号, by index. */
    Map<String, StoredExpert> byIdNumberIndex(Collection<String> indexes) {
        Map<String, StoredExpert> found = new HashMap<>();
        if (indexes.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM expert WHERE id_number_index IN (" + placeholders(indexes.size()) + ")")
                .params(List.copyOf(indexes)).query(ROW).list().forEach(e -> found.put(e.idNumberIndex(), e));
        return found;
    }

    /** Version 0 of each expert; who created it and from which import stand in the row itself. */
    void insertAll(List<NewExpert> experts, String by, String source, Instant at) {
        for (int from = 0; from < experts.size(); from += CHUNK) {
            List<NewExpert> chunk = experts.subList(from, Math.min(experts.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() * 16);
            Timestamp now = Timestamp.from(at);
            for (NewExpert e : chunk) {
                params.addAll(java.util.Arrays.asList(e.ref(), e.nameEnc(), e.idNumberEnc(), e.idNumberIndex(),
                        e.mobileEnc(), e.specialtyCode(), e.category().name(), e.employer(), e.city(),
                        ExpertStatus.ACTIVE.name(), null, 0L, now, by, source, now));
            }
            jdbc.sql("INSERT INTO expert (expert_ref, name_enc, id_number_enc, id_number_index, mobile_enc, "
                    + "specialty_code, category, employer, city, status, status_reason, version, created_at, created_by, "
                    + "created_source, updated_at) VALUES " + rows(chunk.size(), 16)).params(params).update();
        }
    }

    /** Each change bumps the version it was read at; a row changed meanwhile fails the whole transaction. */
    void updateAll(List<ChangedExpert> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(at);
        List<Object[]> args = new ArrayList<>(changes.size());
        for (ChangedExpert c : changes) {
            args.add(new Object[] { c.nameEnc(), c.idNumberEnc(), c.mobileEnc(), c.specialtyCode(), c.category().name(),
                    c.employer(), c.city(), c.readVersion() + 1, now, c.id(), c.readVersion() });
        }
        int[][] counts = template.batchUpdate("UPDATE expert SET name_enc = ?, id_number_enc = ?, mobile_enc = ?, "
                + "specialty_code = ?, category = ?, employer = ?, city = ?, version = ?, updated_at = ? "
                + "WHERE id = ? AND version = ?", args, CHUNK, (ps, a) -> {
                    for (int i = 0; i < a.length; i++) {
                        ps.setObject(i + 1, a[i]);
                    }
                });
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                    throw new OptimisticLockingFailureException("An expert changed while it was being updated");
                }
            }
        }
    }

    boolean updateStatus(long id, long readVersion, ExpertStatus status, String reason, Instant at) {
        return jdbc.sql("UPDATE expert SET status = ?, status_reason = ?, version = ?, updated_at = ? "
                + "WHERE id = ? AND version = ?")
                .params(status.name(), reason, readVersion + 1, Timestamp.from(at), id, readVersion).update() == 1;
    }

    void appendHistory(List<HistoryLine> lines) {
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<HistoryLine> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() * 7);
            for (HistoryLine h : chunk) {
                params.addAll(java.util.Arrays.asList(h.ref(), h.version(), Timestamp.from(h.changedAt()),
                        h.changedBy(), h.source(), h.changedFields(), h.previousValuesEnc()));
            }
            jdbc.sql("INSERT INTO expert_history (expert_ref, version, changed_at, changed_by, source, changed_fields, "
                    + "previous_values_enc) VALUES " + rows(chunk.size(), 7)).params(params).update();
        }
    }

    List<HistoryLine> history(String ref) {
        return jdbc.sql("SELECT expert_ref, version, changed_at, changed_by, source, changed_fields, previous_values_enc "
                + "FROM expert_history WHERE expert_ref = ? ORDER BY version").param(ref)
                .query((rs, row) -> new HistoryLine(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    List<StoredExpert> page(Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + COLUMNS + " FROM expert" + where + " ORDER BY id LIMIT ? OFFSET ?").params(params)
                .query(ROW).list();
    }

    long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT COUNT(*) FROM expert" + where).params(params).query(Long.class).single();
    }

    /** Experts in service (not suspended, not disqualified) per specialty; absent specialties have none. */
    Map<String, Long> activeCountBySpecialty(Collection<String> codes) {
        Map<String, Long> counts = new HashMap<>();
        if (codes.isEmpty()) {
            return counts;
        }
        List<Object> params = new ArrayList<>(codes);
        params.add(ExpertStatus.ACTIVE.name());
        jdbc.sql("SELECT specialty_code, COUNT(*) FROM expert WHERE specialty_code IN (" + placeholders(codes.size())
                + ") AND status = ? GROUP BY specialty_code").params(params)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Experts in service per specialty and city, for the pool's shared directory: one grouped query. */
    List<ExpertPool.InServiceCount> activeCountBySpecialtyAndCity() {
        return jdbc.sql("SELECT specialty_code, city, COUNT(*) FROM expert WHERE status = ? GROUP BY specialty_code, city "
                + "ORDER BY specialty_code, city").param(ExpertStatus.ACTIVE.name())
                .query((rs, row) -> new ExpertPool.InServiceCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /**
     * The drawable experts of these specialties on the date, with their declarations: three queries
     * whatever the size of the pool (experts; relations; earlier project stages).
     */
    List<ExpertCandidate> available(Collection<String> codes, LocalDate date) {
        if (codes.isEmpty()) {
            return List.of();
        }
        String in = placeholders(codes.size());
        List<Object> params = new ArrayList<>(codes);
        params.add(ExpertStatus.ACTIVE.name());
        List<Object> withDate = new ArrayList<>(params);
        withDate.add(java.sql.Date.valueOf(date));
        withDate.add(java.sql.Date.valueOf(date));
        record Row(String ref, String specialty, ExpertCategory category, String city, String employer) {
        }
        List<Row> rows = jdbc.sql("SELECT e.expert_ref, e.specialty_code, e.category, e.city, e.employer FROM expert e "
                + "WHERE e.specialty_code IN (" + in + ") AND e.status = ? AND NOT EXISTS (SELECT 1 FROM expert_leave l "
                + "WHERE l.expert_ref = e.expert_ref AND l.from_date <= ? AND l.to_date >= ?)")
                .params(withDate)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), ExpertCategory.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> relations = new HashMap<>();
        jdbc.sql("SELECT r.expert_ref, r.organisation FROM expert_relation r JOIN expert e ON e.expert_ref = r.expert_ref "
                + "WHERE e.specialty_code IN (" + in + ") AND e.status = ?").params(params)
                .query((ResultSet rs) -> {
                    relations.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, List<String>> projects = new HashMap<>();
        jdbc.sql("SELECT p.expert_ref, p.project_code FROM expert_project_participation p "
                + "JOIN expert e ON e.expert_ref = p.expert_ref WHERE e.specialty_code IN (" + in + ") AND e.status = ?")
                .params(params)
                .query((ResultSet rs) -> {
                    List<String> list = projects.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (!list.contains(rs.getString(2))) {
                        list.add(rs.getString(2));
                    }
                });
        // Sorted here, not by the id in SQL: ordering by id made the database scan every declaration of the province.
        relations.values().forEach(java.util.Collections::sort);
        projects.values().forEach(java.util.Collections::sort);
        List<ExpertCandidate> candidates = new ArrayList<>(rows.size());
        for (Row r : rows) {
            candidates.add(new ExpertCandidate(r.ref(), r.specialty(), r.category(), r.city(), r.employer(),
                    relations.getOrDefault(r.ref(), List.of()), projects.getOrDefault(r.ref(), List.of())));
        }
        // Java's order, not the database collation's: the draw's result depends on this order.
        candidates.sort(java.util.Comparator.comparing(ExpertCandidate::expertRef));
        return candidates;
    }

    private static String where(Filter filter, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.specialtyCode() != null) {
            conditions.add("specialty_code = ?");
            params.add(filter.specialtyCode());
        }
        if (filter.city() != null) {
            conditions.add("city = ?");
            params.add(filter.city());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            params.add(filter.status().name());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static String rows(int rows, int columns) {
        String row = "(" + placeholders(columns) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    private static StoredExpert stored(ResultSet rs, int row) throws SQLException {
        return new StoredExpert(rs.getLong("id"), rs.getString("expert_ref"), rs.getString("name_enc"),
                rs.getString("id_number_enc"), rs.getString("id_number_index"), rs.getString("mobile_enc"),
                rs.getString("specialty_code"), ExpertCategory.valueOf(rs.getString("category")),
                rs.getString("employer"), rs.getString("city"), ExpertStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getString("created_source"), rs.getTimestamp("updated_at").toInstant());
    }
}
