package cn.hlj.remoteeval.venue.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Storage of the workstation directory and its outages. */
@Repository
class JdbcWorkstations {

    private static final String SELECT = "SELECT w.id, w.center_code, w.code, w.room, w.cross_province, w.av_notes, "
            + "w.registered_by, w.registered_at, w.updated_at, w.version FROM workstation w";

    private static final RowMapper<Workstation> ROW = (rs, row) -> new Workstation(rs.getLong("id"),
            rs.getString("center_code"), rs.getString("code"), rs.getString("room"), rs.getBoolean("cross_province"),
            rs.getString("av_notes"), rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));

    private static final String SELECT_OUTAGE = "SELECT o.id, o.workstation_id, o.from_date, o.to_date, o.reason, "
            + "o.recorded_by, o.recorded_at FROM workstation_outage o";

    private static final RowMapper<Outage> OUTAGE = (rs, row) -> new Outage(rs.getLong("id"),
            rs.getLong("workstation_id"), rs.getDate("from_date").toLocalDate(), rs.getDate("to_date").toLocalDate(),
            rs.getString("reason"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());

    private final JdbcClient jdbc;

    JdbcWorkstations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Workstation> ofCenter(String centerCode) {
        return jdbc.sql(SELECT + " WHERE w.center_code = ? ORDER BY w.code").param(centerCode).query(ROW).list();
    }

    /** The province-wide directory, in the centers' display order. */
    List<Workstation> all(Boolean crossProvince) {
        String where = crossProvince == null ? "" : " WHERE w.cross_province = " + (crossProvince ? "TRUE" : "FALSE");
        return jdbc.sql(SELECT + " JOIN trading_center c ON c.code = w.center_code" + where
                + " ORDER BY c.display_order, w.code").query(ROW).list();
    }

    Optional<Workstation> find(String centerCode, String code) {
        return jdbc.sql(SELECT + " WHERE w.center_code = ? AND w.code = ?").param(centerCode).param(code)
                .query(ROW).optional();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM workstation").query(Long.class).single() == 0;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the center already has the code */
    long insert(String centerCode, WorkstationFields fields, String registeredBy, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workstation (center_code, code, room, cross_province, av_notes, registered_by, "
                + "registered_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(centerCode, fields.code(), fields.room(), fields.crossProvince(), fields.avNotes(),
                        registeredBy, Timestamp.from(at), Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Optimistic: false when the row changed since {@code expectedVersion} was read. */
    boolean update(long id, long expectedVersion, WorkstationFields fields, Instant at) {
        return jdbc.sql("UPDATE workstation SET room = ?, cross_province = ?, av_notes = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ? AND version = ?")
                .params(fields.room(), fields.crossProvince(), fields.avNotes(), Timestamp.from(at), id, expectedVersion)
                .update() == 1;
    }

    long insertOutage(long workstationId, LocalDate from, LocalDate to, String reason, String recordedBy, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO workstation_outage (workstation_id, from_date, to_date, reason, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(workstationId, Date.valueOf(from), Date.valueOf(to), reason, recordedBy, Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Outage> outage(long outageId) {
        return jdbc.sql(SELECT_OUTAGE + " WHERE o.id = ?").param(outageId).query(OUTAGE).optional();
    }

    boolean deleteOutage(long outageId, long workstationId) {
        return jdbc.sql("DELETE FROM workstation_outage WHERE id = ? AND workstation_id = ?")
                .params(outageId, workstationId).update() == 1;
    }

    /** Outages of the given workstations that end on or after {@code notEndedBefore}, earliest first. */
    List<Outage> outagesOf(Collection<Long> workstationIds, LocalDate notEndedBefore) {
        if (workstationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_OUTAGE + " WHERE o.workstation_id IN (:ids) AND o.to_date >= :day "
                + "ORDER BY o.workstation_id, o.from_date, o.id")
                .param("ids", workstationIds).param("day", Date.valueOf(notEndedBefore)).query(OUTAGE).list();
    }

    /** Outages overlapping [from, to] of the cross-province workstations of the given centers. */
    List<Outage> crossProvinceOutages(Collection<String> centerCodes, LocalDate from, LocalDate to) {
        if (centerCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_OUTAGE + " JOIN workstation w ON w.id = o.workstation_id "
                + "WHERE w.center_code IN (:centers) AND w.cross_province = TRUE AND o.from_date <= :to AND o.to_date >= :from")
                .param("centers", centerCodes).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(OUTAGE).list();
    }

    /** The cross-province workstations of the given centers. */
    List<Workstation> crossProvinceOf(Collection<String> centerCodes) {
        if (centerCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE w.center_code IN (:centers) AND w.cross_province = TRUE ORDER BY w.center_code, w.code")
                .param("centers", centerCodes).query(ROW).list();
    }
}
