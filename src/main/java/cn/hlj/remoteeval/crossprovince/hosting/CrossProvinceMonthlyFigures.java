package cn.hlj.remoteeval.crossprovince.hosting;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;

/**
 * The cross-province module's share of the monthly report, by evaluation date: this province's
 * cross-province tenders evaluated in the month with the partner's plan in force, for their main
 * center; and the partners' tenders hosted here in the month and not cancelled, for the hosting center.
 */
@Component
class CrossProvinceMonthlyFigures implements MonthlyFigureSource {

    /** Keeps an IN list well below every database's limit on parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;
    private final Tenders tenders;

    CrossProvinceMonthlyFigures(JdbcClient jdbc, Tenders tenders) {
        this.jdbc = jdbc;
        this.tenders = tenders;
    }

    @Override
    @Transactional(readOnly = true)
    public void contribute(ReportMonth month, FigureSink sink) {
        jdbc.sql("SELECT center_code, COUNT(*) AS n FROM partner_hosting WHERE eval_date >= ? AND eval_date <= ? "
                + "AND state <> ? GROUP BY center_code")
                .params(month.firstDay(), month.lastDay(), HostingState.CANCELLED.name())
                .query(rs -> {
                    sink.add(rs.getString("center_code"), ReportFigure.CROSS_PROVINCE_HOSTED, rs.getLong("n"));
                });
        Map<String, TenderFacts> evaluated = tenders.evaluatedBetween(month.firstDay(), month.lastDay(),
                Scope.CROSS_PROVINCE).stream().collect(Collectors.toMap(TenderFacts::id, Function.identity()));
        List<String> ids = List.copyOf(evaluated.keySet());
        Set<String> planned = new HashSet<>();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            planned.addAll(jdbc.sql("SELECT DISTINCT tender_id FROM cross_province_assignment "
                    + "WHERE current_marker = TRUE AND tender_id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))).query(String.class).list());
        }
        planned.forEach(id -> sink.add(evaluated.get(id).mainCenter(), ReportFigure.CROSS_PROVINCE_SENT, 1));
    }
}
