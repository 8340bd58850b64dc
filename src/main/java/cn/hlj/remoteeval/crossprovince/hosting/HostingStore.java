package cn.hlj.remoteeval.crossprovince.hosting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

@Repository
class HostingStore {

    private static final String SELECT = "SELECT id, partner_province, partner_tender_ref, center_code, eval_date, "
            + "half_day, seats, state, registered_by, registered_at, cancelled_by, cancelled_at FROM partner_hosting";

    private static final RowMapper<PartnerHosting> ROW = (rs, row) -> new PartnerHosting(rs.getString("id"),
            rs.getString("partner_province"), rs.getString("partner_tender_ref"), rs.getString("center_code"),
            new Slot(rs.getDate("eval_date").toLocalDate(), HalfDay.valueOf(rs.getString("half_day"))),
            rs.getInt("seats"), HostingState.valueOf(rs.getString("state")), rs.getString("registered_by"),
            rs.getTimestamp("registered_at").toInstant(), rs.getString("cancelled_by"),
            instant(rs.getTimestamp("cancelled_at")));

    private final JdbcClient jdbc;

    HostingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the partner's tender is already hosted (active) */
    void insert(PartnerHosting hosting) {
        jdbc.sql("INSERT INTO partner_hosting (id, partner_province, partner_tender_ref, center_code, eval_date, "
                + "half_day, seats, state, active_marker, registered_by, registered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(hosting.id(), hosting.partnerProvince(), hosting.partnerTenderRef(), hosting.centerCode(),
                        Date.valueOf(hosting.slot().date()), hosting.slot().halfDay().name(), hosting.seats(),
                        HostingState.ACTIVE.name(), Boolean.TRUE, hosting.registeredBy(),
                        Timestamp.from(hosting.registeredAt()))
                .update();
    }

    boolean activeExists(String partnerProvince, String partnerTenderRef) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_hosting WHERE partner_province = ? AND partner_tender_ref = ? "
                + "AND state = ?").params(partnerProvince, partnerTenderRef, HostingState.ACTIVE.name())
                .query(Long.class).single() > 0;
    }

    Optional<PartnerHosting> active(String partnerProvince, String partnerTenderRef) {
        return jdbc.sql(SELECT + " WHERE partner_province = ? AND partner_tender_ref = ? AND state = ?")
                .params(partnerProvince, partnerTenderRef, HostingState.ACTIVE.name()).query(ROW).optional();
    }

    Optional<PartnerHosting> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ROW).optional();
    }

    /** Hostings evaluated between the two dates, both inclusive, in the order of their slots. */
    List<PartnerHosting> between(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE eval_date >= ? AND eval_date <= ? ORDER BY eval_date, half_day, registered_at, id")
                .params(Date.valueOf(from), Date.valueOf(to)).query(ROW).list();
    }

    /** Whether the partner's tender was ever hosted here, active or not. */
    boolean known(String partnerProvince, String partnerTenderRef) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_hosting WHERE partner_province = ? AND partner_tender_ref = ?")
                .params(partnerProvince, partnerTenderRef).query(Long.class).single() > 0;
    }

    /** The active hosting's evaluation moved to another slot (its seats were moved with it). */
    boolean moved(String id, Slot to) {
        return jdbc.sql("UPDATE partner_hosting SET eval_date = ?, half_day = ? WHERE id = ? AND state = ?")
                .params(Date.valueOf(to.date()), to.halfDay().name(), id, HostingState.ACTIVE.name()).update() == 1;
    }

    /** Answers whether this call cancelled it: false when it was no longer active (a concurrent cancel won). */
    boolean cancel(String id, String cancelledBy, Instant cancelledAt) {
        return jdbc.sql("UPDATE partner_hosting SET state = ?, active_marker = NULL, cancelled_by = ?, cancelled_at = ? "
                + "WHERE id = ? AND state = ?")
                .params(HostingState.CANCELLED.name(), cancelledBy, Timestamp.from(cancelledAt), id,
                        HostingState.ACTIVE.name())
                .update() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
