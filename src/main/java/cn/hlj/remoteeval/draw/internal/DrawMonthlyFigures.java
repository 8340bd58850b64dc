package cn.hlj.remoteeval.draw.internal;

import java.sql.Timestamp;
import java.util.SortedMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;

/**
 * The draw module's share of the monthly report, from the draw records run in the month and counted
 * for the tender's main center as the record's own request states it (so no other module is asked,
 * and a record never changes): random venue draws and, of those, the ones that found no random pick
 * and fell back to negotiated sub-venues (policy 六); expert draws of a whole committee and
 * supplementary draws (补抽) for one seat (policy 五).
 */
@Component
class DrawMonthlyFigures implements MonthlyFigureSource {

    private final JdbcClient jdbc;
    private final SealedColumns sealed;

    DrawMonthlyFigures(JdbcClient jdbc, SealedColumns sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    @Override
    @Transactional(readOnly = true)
    public void contribute(ReportMonth month, FigureSink sink) {
        jdbc.sql("SELECT id, kind, request, result FROM draw_record WHERE created_at >= ? AND created_at < ? "
                + "AND kind IN (?, ?)")
                .params(Timestamp.from(month.start()), Timestamp.from(month.end()), DrawKind.VENUE.name(),
                        DrawKind.EXPERT.name())
                .query(rs -> {
                    String id = rs.getString("id");
                    SortedMap<String, String> request = Canonical.decode(
                            sealed.open("draw_record", "request", id, rs.getString("request")));
                    String center = request.get("mainCenter");
                    if (DrawKind.VENUE.name().equals(rs.getString("kind"))) {
                        sink.add(center, ReportFigure.VENUE_DRAWS, 1);
                        if (VenueDrawOutcome.NO_RANDOM_PICK.equals(sealed.open("draw_record", "result", id, rs.getString("result")))) {
                            sink.add(center, ReportFigure.VENUE_DRAWS_NEGOTIATED, 1);
                        }
                    } else {
                        sink.add(center, supplementary(request) ? ReportFigure.SUPPLEMENTARY_EXPERT_DRAWS
                                : ReportFigure.EXPERT_DRAWS, 1);
                    }
                });
    }

    /**
     * A supplementary draw asks for the one seat it refills; a committee's draw asks for every expert
     * seat, at least 4 (a committee has 5 or more members, at most a third of them the tenderer's
     * representatives), so the number of seats asked tells the two apart in the record itself.
     */
    static boolean supplementary(SortedMap<String, String> expertDrawRequest) {
        return Canonical.decodeInlineCounts(expertDrawRequest.get("seats")).values().stream()
                .mapToInt(Integer::intValue).sum() == 1;
    }
}
