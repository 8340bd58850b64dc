package cn.hlj.remoteeval.tender.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.reporting.ReportDetailSource;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.tender.TenderState;

/**
 * The month's tenders for the report's detail sheet, read in pages by key (registration time, then
 * section code): a year of a large province never sits in memory, and no database needs a
 * streaming cursor. Rows name the main venue only.
 */
@Component
class TenderReportRows implements ReportDetailSource {

    private final JdbcClient jdbc;
    private final int pageSize;

    @org.springframework.beans.factory.annotation.Autowired
    TenderReportRows(JdbcClient jdbc) {
        this(jdbc, 1_000);
    }

    TenderReportRows(JdbcClient jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
    }

    @Override
    public void tenders(ReportMonth month, Consumer<TenderRow> rows) {
        Timestamp until = Timestamp.from(month.end());
        Timestamp afterTime = Timestamp.from(month.start());
        // Section codes are never empty, so "" starts before every code of the month's first instant.
        String afterCode = "";
        while (true) {
            List<Row> page = jdbc.sql("SELECT section_code, name, main_center, category, scope, rollout, state, registered_at "
                    + "FROM tender WHERE registered_at < :until AND (registered_at > :afterTime OR (registered_at = :afterTime "
                    + "AND section_code > :afterCode)) ORDER BY registered_at, section_code LIMIT " + pageSize)
                    .param("until", until).param("afterTime", afterTime).param("afterCode", afterCode)
                    .query((rs, n) -> new Row(rs.getString("section_code"), rs.getString("name"),
                            rs.getString("main_center"), rs.getString("category"), rs.getString("scope"),
                            rs.getString("rollout"), rs.getString("state"), rs.getTimestamp("registered_at").toInstant()))
                    .list();
            for (Row row : page) {
                rows.accept(row.toTenderRow());
            }
            if (page.size() < pageSize) {
                return;
            }
            Row last = page.get(page.size() - 1);
            afterTime = Timestamp.from(last.registeredAt());
            afterCode = last.sectionCode();
        }
    }

    private record Row(String sectionCode, String name, String mainCenter, String category, String scope,
            String rollout, String state, Instant registeredAt) {

        TenderRow toTenderRow() {
            LocalDate registeredOn = registeredAt.atZone(ReportMonth.PROVINCE).toLocalDate();
            return new TenderRow(sectionCode, name, mainCenter, category, scope,
                    RolloutStatus.NOT_IN_ROLLOUT.name().equals(rollout), registeredOn, TenderState.valueOf(state).label());
        }
    }
}
