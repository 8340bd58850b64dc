package cn.hlj.remoteeval.crossprovince.jointtest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The joint_test_run and joint_test_result tables, and what a run needs of the partner register. */
@Repository
class JointTestStore {

    /** How many runs of a partner the list shows, newest first. */
    static final int LIST_MAX = 50;

    /** A partner as the joint test needs it; key and endpoint null while not entered. */
    record Partner(String code, String name, String state, String publicKey, String endpoint) {
    }

    private static final String SELECT_RUN = "SELECT id, partner, started_at, finished_at, started_by, passed, moved_partner "
            + "FROM joint_test_run";

    private static final RowMapper<JointTestRunView> RUN = (rs, row) -> new JointTestRunView(rs.getString(1),
            rs.getString(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getString(5), rs.getBoolean(6),
            rs.getBoolean(7), List.of());

    private final JdbcClient jdbc;

    JointTestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The register's row (the exchange's key and address are columns of it, as in crossprovince.exchange). */
    Optional<Partner> partner(String code) {
        return jdbc.sql("SELECT code, name, state, exchange_public_key, exchange_endpoint FROM partner_province WHERE code = ?")
                .param(code)
                .query((rs, row) -> new Partner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    void insert(JointTestRunView run) {
        jdbc.sql("INSERT INTO joint_test_run (id, partner, started_at, finished_at, started_by, passed, moved_partner) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(run.id(), run.partner(), Timestamp.from(run.startedAt()), Timestamp.from(run.finishedAt()),
                        run.startedBy(), run.passed(), run.movedPartner())
                .update();
        for (JointTestRunView.Result result : run.results()) {
            jdbc.sql("INSERT INTO joint_test_result (run_id, scenario, passed, detail, duration_ms) VALUES (?, ?, ?, ?, ?)")
                    .params(run.id(), result.scenario(), result.passed(), result.detail(), result.durationMs()).update();
        }
    }

    /** The partner's latest runs, newest first, each with its results in the scenarios' order. */
    List<JointTestRunView> runs(String partner) {
        return withResults(jdbc.sql(SELECT_RUN + " WHERE partner = ? ORDER BY started_at DESC, id LIMIT " + LIST_MAX)
                .param(partner).query(RUN).list());
    }

    Optional<JointTestRunView> run(String partner, String id) {
        return withResults(jdbc.sql(SELECT_RUN + " WHERE partner = ? AND id = ?").params(partner, id).query(RUN).list())
                .stream().findFirst();
    }

    private record ResultRow(String runId, JointTestRunView.Result result) {
    }

    private List<JointTestRunView> withResults(List<JointTestRunView> runs) {
        if (runs.isEmpty()) {
            return runs;
        }
        List<Object> ids = runs.stream().<Object>map(JointTestRunView::id).toList();
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, List<JointTestRunView.Result>> results = jdbc.sql("SELECT run_id, scenario, passed, detail, duration_ms "
                + "FROM joint_test_result WHERE run_id IN (" + marks + ")")
                .params(ids)
                .query((rs, row) -> new ResultRow(rs.getString(1), JointTestRunView.Result.of(rs.getString(2),
                        rs.getBoolean(3), rs.getString(4), rs.getLong(5))))
                .list().stream()
                .collect(Collectors.groupingBy(ResultRow::runId, Collectors.mapping(ResultRow::result, Collectors.toList())));
        return runs.stream().map(run -> new JointTestRunView(run.id(), run.partner(), run.startedAt(), run.finishedAt(),
                run.startedBy(), run.passed(), run.movedPartner(), results.getOrDefault(run.id(), List.of()).stream()
                        .sorted(Comparator.comparingInt(JointTestRunView.Result::order)).toList()))
                .toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
