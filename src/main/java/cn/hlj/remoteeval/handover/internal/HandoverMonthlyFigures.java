package cn.hlj.remoteeval.handover.internal;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * The hand-over module's share of the monthly report (policy 八). A leg counts in the month it was
 * done, for the center that owed it: a sub-venue's leg when the main venue received the material,
 * for the sub-venue (found from its anonymous session code, and only counted, never named); the
 * leg to the tenderer when the main venue handed it over, for the main venue. It is late when its
 * deadline was breached, even if the material came afterwards. A clue counts for the main venue in
 * the month its transfer to the discipline or law-enforcement body was recorded.
 */
@Component
class HandoverMonthlyFigures implements MonthlyFigureSource {

    private final JdbcClient jdbc;
    private final SeatBookings bookings;
    private final Tenders tenders;

    HandoverMonthlyFigures(JdbcClient jdbc, SeatBookings bookings, Tenders tenders) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.tenders = tenders;
    }

    @Override
    @Transactional(readOnly = true)
    public void contribute(ReportMonth month, FigureSink sink) {
        Timestamp from = Timestamp.from(month.start());
        Timestamp until = Timestamp.from(month.end());
        // Per session code: legs on time, legs late.
        Map<String, long[]> legsBySession = new HashMap<>();
        jdbc.sql("SELECT leg_ref, breached_at FROM av_handover WHERE leg = ? AND received_at >= ? AND received_at < ?")
                .params(HandoverLeg.SUB_VENUE_TO_MAIN.name(), from, until)
                .query(rs -> {
                    long[] legs = legsBySession.computeIfAbsent(rs.getString("leg_ref"), code -> new long[2]);
                    legs[rs.getTimestamp("breached_at") == null ? 0 : 1]++;
                });
        bookings.centersOfSessions(legsBySession.keySet()).forEach((sessionCode, center) -> {
            long[] legs = legsBySession.get(sessionCode);
            if (legs[0] > 0) {
                sink.add(center, ReportFigure.HANDOVERS_ON_TIME, legs[0]);
            }
            if (legs[1] > 0) {
                sink.add(center, ReportFigure.HANDOVERS_LATE, legs[1]);
            }
        });
        jdbc.sql("SELECT main_center, CASE WHEN breached_at IS NULL THEN 0 ELSE 1 END AS late, COUNT(*) AS n "
                + "FROM av_handover WHERE leg = ? AND handed_at >= ? AND handed_at < ? "
                + "GROUP BY main_center, CASE WHEN breached_at IS NULL THEN 0 ELSE 1 END")
                .params(HandoverLeg.MAIN_TO_TENDERER.name(), from, until)
                .query(rs -> {
                    sink.add(rs.getString("main_center"),
                            rs.getInt("late") == 1 ? ReportFigure.HANDOVERS_LATE : ReportFigure.HANDOVERS_ON_TIME,
                            rs.getLong("n"));
                });
        Map<String, Long> cluesPerTender = new HashMap<>();
        jdbc.sql("SELECT tender_id, COUNT(*) AS n FROM wrongdoing_clue WHERE transfer_recorded_at >= ? "
                + "AND transfer_recorded_at < ? GROUP BY tender_id")
                .params(from, until)
                .query(rs -> {
                    cluesPerTender.put(rs.getString("tender_id"), rs.getLong("n"));
                });
        cluesPerTender.forEach((tenderId, count) -> tenders.find(tenderId).map(TenderFacts::mainCenter)
                .ifPresent(center -> sink.add(center, ReportFigure.CLUES_PASSED_ON, count)));
    }
}
