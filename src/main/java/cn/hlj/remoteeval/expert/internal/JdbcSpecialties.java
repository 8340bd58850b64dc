package cn.hlj.remoteeval.expert.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSpecialties {

    private static final RowMapper<Specialty> ROW = (rs, row) -> new Specialty(rs.getString("code"),
            rs.getString("name"), rs.getString("parent_code"));

    private final JdbcClient jdbc;

    JdbcSpecialties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Specialty> all() {
        return jdbc.sql("SELECT code, name, parent_code FROM specialty ORDER BY code").query(ROW).list();
    }

    Set<String> codes() {
        return new HashSet<>(jdbc.sql("SELECT code FROM specialty").query(String.class).list());
    }

    boolean exists(String code) {
        return code != null && jdbc.sql("SELECT COUNT(*) FROM specialty WHERE code = ?").param(code)
                .query(Long.class).single() > 0;
    }

    void insert(Specialty specialty, String createdBy, Instant at) {
        jdbc.sql("INSERT INTO specialty (code, name, parent_code, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(specialty.code(), specialty.name(), specialty.parentCode(), createdBy, Timestamp.from(at))
                .update();
    }
}
