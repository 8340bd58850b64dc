package cn.hlj.remoteeval.deadline.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar_year and calendar_day tables. */
@Repository
class CalendarStore {

    /** A loaded year as the operator sees it. */
    record LoadedYear(int year, String source, Instant loadedAt, String loadedBy, long revision) {
    }

    /** Changes whenever a year is added or replaced, on any node. */
    record Stamp(long years, long revisions) {
    }

    private static final RowMapper<LoadedYear> YEAR = (rs, row) -> new LoadedYear(rs.getInt("year_number"),
            rs.getString("source"), rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"),
            rs.getLong("revision"));

    private static final RowMapper<ScheduleDay> DAY = (rs, row) -> new ScheduleDay(
            rs.getObject("day_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")), rs.getString("name"));

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Stamp stamp() {
        return jdbc.sql("SELECT COUNT(*) AS years_count, COALESCE(SUM(revision), 0) AS revisions FROM calendar_year")
                .query((rs, row) -> new Stamp(rs.getLong("years_count"), rs.getLong("revisions"))).single();
    }

    List<LoadedYear> years() {
        return jdbc.sql("SELECT year_number, source, loaded_at, loaded_by, revision FROM calendar_year ORDER BY year_number")
                .query(YEAR).list();
    }

    Optional<LoadedYear> year(int year) {
        return jdbc.sql("SELECT year_number, source, loaded_at, loaded_by, revision FROM calendar_year WHERE year_number = ?")
                .param(year).query(YEAR).optional();
    }

    /** Locks the year's row (if any) until the transaction ends, so that two replacements queue. */
    Optional<LoadedYear> lockYear(int year) {
        return jdbc.sql("SELECT year_number, source, loaded_at, loaded_by, revision FROM calendar_year "
                + "WHERE year_number = ? FOR UPDATE").param(year).query(YEAR).optional();
    }

    List<ScheduleDay> days() {
        return jdbc.sql("SELECT day_date, kind, name FROM calendar_day").query(DAY).list();
    }

    List<ScheduleDay> daysOf(int year) {
        return jdbc.sql("SELECT day_date, kind, name FROM calendar_day WHERE year_number = ? ORDER BY day_date")
                .param(year).query(DAY).list();
    }

    /** Replaces the year's days; the caller holds the transaction (and the year's lock when it exists). */
    void replace(int year, List<ScheduleDay> days, String source, String by, Instant at, Optional<LoadedYear> previous) {
        jdbc.sql("DELETE FROM calendar_day WHERE year_number = ?").param(year).update();
        for (ScheduleDay day : days) {
            jdbc.sql("INSERT INTO calendar_day (day_date, year_number, kind, name) VALUES (?, ?, ?, ?)")
                    .params(day.date(), year, day.kind().name(), day.name()).update();
        }
        Timestamp loadedAt = Timestamp.from(at);
        if (previous.isPresent()) {
            jdbc.sql("UPDATE calendar_year SET source = ?, loaded_at = ?, loaded_by = ?, revision = ? WHERE year_number = ?")
                    .params(source, loadedAt, by, previous.get().revision() + 1, year).update();
        } else {
            jdbc.sql("INSERT INTO calendar_year (year_number, source, loaded_at, loaded_by, revision) VALUES (?, ?, ?, ?, 1)")
                    .params(year, source, loadedAt, by).update();
        }
    }
}
