package cn.hlj.remoteeval.expert.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.swagger.v3.oas.annotations.media.Schema;

/** What is recorded about an expert besides the import: leaves, declared relations, earlier project stages. */
@Repository
class JdbcExpertDeclarations {

    private final JdbcClient jdbc;

    JdbcExpertDeclarations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "ExpertLeave", description = "请假（起止日期均含）")
    record Leave(long id, LocalDate from, LocalDate to, String reason, String recordedBy, Instant recordedAt) {
    }

    @Schema(name = "ExpertRelation", description = "申报的回避关系")
    record Relation(long id, String organisation, String relation, String recordedBy, Instant recordedAt) {
    }

    @Schema(name = "ExpertProjectParticipation", description = "参与过的项目前期阶段")
    record Participation(long id, String projectCode, String stage, String recordedBy, Instant recordedAt) {
    }

    long addLeave(String ref, LocalDate from, LocalDate to, String reason, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO expert_leave (expert_ref, from_date, to_date, reason, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(ref, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), reason, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<Leave> leaves(String ref) {
        return jdbc.sql("SELECT id, from_date, to_date, reason, recorded_by, recorded_at FROM expert_leave "
                + "WHERE expert_ref = ? ORDER BY from_date, id").param(ref)
                .query((rs, n) -> new Leave(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    boolean removeLeave(String ref, long id) {
        return jdbc.sql("DELETE FROM expert_leave WHERE id = ? AND expert_ref = ?").params(id, ref).update() == 1;
    }

    long addRelation(String ref, String organisation, String relation, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO expert_relation (expert_ref, organisation, relation, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?)")
                .params(ref, organisation, relation, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<Relation> relations(String ref) {
        return jdbc.sql("SELECT id, organisation, relation, recorded_by, recorded_at FROM expert_relation "
                + "WHERE expert_ref = ? ORDER BY id").param(ref)
                .query((rs, n) -> new Relation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    boolean removeRelation(String ref, long id) {
        return jdbc.sql("DELETE FROM expert_relation WHERE id = ? AND expert_ref = ?").params(id, ref).update() == 1;
    }

    long addParticipation(String ref, String projectCode, String stage, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO expert_project_participation (expert_ref, project_code, stage, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?)")
                .params(ref, projectCode, stage, by, Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<Participation> participations(String ref) {
        return jdbc.sql("SELECT id, project_code, stage, recorded_by, recorded_at FROM expert_project_participation "
                + "WHERE expert_ref = ? ORDER BY id").param(ref)
                .query((rs, n) -> new Participation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    boolean removeParticipation(String ref, long id) {
        return jdbc.sql("DELETE FROM expert_project_participation WHERE id = ? AND expert_ref = ?").params(id, ref)
                .update() == 1;
    }
}
