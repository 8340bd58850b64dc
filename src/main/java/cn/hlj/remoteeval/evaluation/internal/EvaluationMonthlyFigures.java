package cn.hlj.remoteeval.evaluation.internal;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * The evaluation module's share of the monthly report: the evaluation days that ended in the month,
 * once for the main venue and once for each other center that hosted a session of the tender (its
 * seats stay booked after the day, so the answer for a past month does not change). The sub-venues
 * are only counted, never named with the tender.
 */
@Component
class EvaluationMonthlyFigures implements MonthlyFigureSource {

    private final JdbcClient jdbc;
    private final SeatBookings bookings;

    EvaluationMonthlyFigures(JdbcClient jdbc, SeatBookings bookings) {
        this.jdbc = jdbc;
        this.bookings = bookings;
    }

    @Override
    @Transactional(readOnly = true)
    public void contribute(ReportMonth month, FigureSink sink) {
        Map<String, String> mainCenterOfTender = new LinkedHashMap<>();
        jdbc.sql("SELECT tender_id, main_center FROM evaluation_day WHERE ended_at >= ? AND ended_at < ?")
                .params(Timestamp.from(month.start()), Timestamp.from(month.end()))
                .query(rs -> {
                    mainCenterOfTender.put(rs.getString("tender_id"), rs.getString("main_center"));
                });
        Map<String, List<SeatBookings.VenueSession>> sessions = bookings.sessionsOfAll(mainCenterOfTender.keySet());
        mainCenterOfTender.forEach((tenderId, mainCenter) -> {
            sink.add(mainCenter, ReportFigure.EVALUATIONS_AS_MAIN, 1);
            Set<String> subVenues = new TreeSet<>();
            sessions.getOrDefault(tenderId, List.of()).forEach(session -> subVenues.add(session.centerCode()));
            subVenues.remove(mainCenter);
            subVenues.forEach(center -> sink.add(center, ReportFigure.EVALUATIONS_AS_SUB, 1));
        });
    }
}
