package cn.hlj.remoteeval.crossprovince.partners;

import java.sql.Date;
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

@Repository
class PartnerProvinceStore {

    private static final String SELECT = "SELECT code, name, state, negotiation_started_on, joint_test_passed_on, "
            + "connected_on, suspended_on, suspension_reason, suspended_from, resumed_on, last_step_on, version "
            + "FROM partner_province";

    private static final RowMapper<PartnerProvince> ROW = (rs, row) -> new PartnerProvince(rs.getString("code"),
            rs.getString("name"), PartnerState.valueOf(rs.getString("state")), date(rs, "negotiation_started_on"),
            date(rs, "joint_test_passed_on"), date(rs, "connected_on"), date(rs, "suspended_on"),
            rs.getString("suspension_reason"), state(rs.getString("suspended_from")), date(rs, "resumed_on"),
            date(rs, "last_step_on"), rs.getInt("version"));

    private static final RowMapper<Stored> CHANGE = (rs, row) -> new Stored(rs.getString("province_code"),
            new PartnerChange(rs.getInt("seq"), state(rs.getString("from_state")),
                    PartnerState.valueOf(rs.getString("to_state")), date(rs, "effective_on"), rs.getString("reason"),
                    rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()));

    /** A change with the province it belongs to. */
    record Stored(String provinceCode, PartnerChange change) {
    }

    private final JdbcClient jdbc;

    PartnerProvinceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the province is already registered */
    void insert(PartnerProvince province, String registeredBy, Instant registeredAt) {
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, last_step_on, version, "
                + "registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(province.code(), province.name(), province.state().name(),
                        Date.valueOf(province.negotiationStartedOn()), Date.valueOf(province.lastStepOn()),
                        province.version(), registeredBy, Timestamp.from(registeredAt))
                .update();
    }

    /** Answers whether the row still had the version {@code after} was derived from (no concurrent step won). */
    boolean update(PartnerProvince after, int expectedVersion) {
        return jdbc.sql("UPDATE partner_province SET state = ?, joint_test_passed_on = ?, connected_on = ?, "
                + "suspended_on = ?, suspension_reason = ?, suspended_from = ?, resumed_on = ?, last_step_on = ?, "
                + "version = ? WHERE code = ? AND version = ?")
                .params(after.state().name(), date(after.jointTestPassedOn()), date(after.connectedOn()),
                        date(after.suspendedOn()), after.suspensionReason(),
                        after.suspendedFrom() == null ? null : after.suspendedFrom().name(), date(after.resumedOn()),
                        Date.valueOf(after.lastStepOn()), after.version(), after.code(), expectedVersion)
                .update() == 1;
    }

    void append(String provinceCode, PartnerChange change) {
        jdbc.sql("INSERT INTO partner_province_change (province_code, seq, from_state, to_state, effective_on, reason, "
                + "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(provinceCode, change.seq(), change.from() == null ? null : change.from().name(),
                        change.to().name(), Date.valueOf(change.effectiveOn()), change.reason(), change.changedBy(),
                        Timestamp.from(change.changedAt()))
                .update();
    }

    Optional<PartnerProvince> find(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(ROW).optional();
    }

    List<PartnerProvince> all() {
        return jdbc.sql(SELECT + " ORDER BY code").query(ROW).list();
    }

    List<PartnerChange> history(String code) {
        return jdbc.sql("SELECT * FROM partner_province_change WHERE province_code = ? ORDER BY seq").param(code)
                .query(CHANGE).list().stream().map(Stored::change).toList();
    }

    /** Every province's steps, per province in the order they were taken. */
    List<Stored> allChanges() {
        return jdbc.sql("SELECT * FROM partner_province_change ORDER BY province_code, seq").query(CHANGE).list();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static PartnerState state(String name) {
        return name == null ? null : PartnerState.valueOf(name);
    }
}
