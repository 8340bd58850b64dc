package cn.hlj.remoteeval.tender.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.venue.HalfDay;

/** A page of the tenders a caller may read, filtered, newest registration first. */
@Component
class TenderList {

    /** The filters of {@code GET /api/tenders}, already checked; null where not given. */
    record Filter(String center, TenderState state, Category category, LocalDate from, LocalDate to, String text,
            int page, int size) {
    }

    record Row(String id, String sectionCode, String name, String mainCenter, Category category, TenderState state,
            String stateLabel, LocalDate evaluationDate, HalfDay halfDay, Instant registeredAt) {
    }

    record Page(List<Row> items, int page, int size, long total) {
    }

    private final JdbcClient jdbc;

    TenderList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page find(TenderReaders.Reach reach, Filter filter) {
        if (reach.nothing()) {
            return new Page(List.of(), filter.page(), filter.size(), 0);
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (!reach.everyTender()) {
            List<String> any = new ArrayList<>();
            if (!reach.mainCenters().isEmpty()) {
                any.add("main_center IN (:ownCenters)");
                params.put("ownCenters", reach.mainCenters());
            }
            if (reach.tenderer() != null) {
                any.add("tenderer = :tenderer");
                params.put("tenderer", reach.tenderer());
            }
            where.add("(" + String.join(" OR ", any) + ")");
        }
        if (filter.center() != null) {
            where.add("main_center = :center");
            params.put("center", filter.center());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.category() != null) {
            where.add("category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.from() != null) {
            where.add("evaluation_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("evaluation_date <= :to");
            params.put("to", filter.to());
        }
        if (filter.text() != null) {
            where.add("(LOWER(section_code) LIKE :text ESCAPE '!' OR LOWER(name) LIKE :text ESCAPE '!')");
            params.put("text", "%" + filter.text().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_")
                    + "%");
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM tender" + condition).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("SELECT id, section_code, name, main_center, category, state, evaluation_date, "
                + "half_day, registered_at FROM tender" + condition
                + " ORDER BY registered_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", filter.size()).param("offset", (long) filter.page() * filter.size())
                .query((rs, n) -> {
                    TenderState state = TenderState.valueOf(rs.getString("state"));
                    Timestamp registered = rs.getTimestamp("registered_at");
                    return new Row(rs.getString("id"), rs.getString("section_code"), rs.getString("name"),
                            rs.getString("main_center"), Category.valueOf(rs.getString("category")), state, state.label(),
                            rs.getDate("evaluation_date").toLocalDate(), HalfDay.valueOf(rs.getString("half_day")),
                            registered == null ? null : registered.toInstant());
                }).list();
        return new Page(rows, filter.page(), filter.size(), total);
    }
}
