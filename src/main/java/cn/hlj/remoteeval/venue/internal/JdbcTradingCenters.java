package cn.hlj.remoteeval.venue.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

@Repository
class JdbcTradingCenters implements TradingCenters {

    private static final String SELECT = "SELECT code, name, permanent_cross_province_sub_venue FROM trading_center";

    /** Explicit: the record mapper probes camel-case column names first, and H2 traces every miss. */
    private static final RowMapper<TradingCenter> ROW = (rs, row) -> new TradingCenter(rs.getString("code"),
            rs.getString("name"), rs.getBoolean("permanent_cross_province_sub_venue"));

    private final JdbcClient jdbc;

    JdbcTradingCenters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TradingCenter> all() {
        return jdbc.sql(SELECT + " ORDER BY display_order").query(ROW).list();
    }

    @Override
    public Optional<TradingCenter> find(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(ROW).optional();
    }

    @Override
    public Optional<String> noticeAddressOf(String code) {
        return jdbc.sql("SELECT notice_address FROM trading_center WHERE code = ?").param(code).query(String.class)
                .optional();
    }

    @Override
    public void changeNoticeAddress(String code, String address) {
        jdbc.sql("UPDATE trading_center SET notice_address = ? WHERE code = ?").params(address, code).update();
    }

    @Override
    public Map<String, Integer> crossProvinceWorkstationsInService(LocalDate date) {
        Map<String, Integer> counts = new TreeMap<>();
        java.sql.Date day = java.sql.Date.valueOf(date);
        jdbc.sql("SELECT w.center_code, COUNT(*) FROM workstation w WHERE w.cross_province = TRUE AND NOT EXISTS ("
                + "SELECT 1 FROM workstation_outage o WHERE o.workstation_id = w.id AND o.from_date <= ? AND o.to_date >= ?) "
                + "GROUP BY w.center_code").params(day, day)
                .query((java.sql.ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }
}
