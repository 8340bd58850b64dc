package cn.hlj.remoteeval.tender.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.reporting.MonthlyFigureSource;
import cn.hlj.remoteeval.reporting.ReportFigure;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.RolloutStatus;
import cn.hlj.remoteeval.scope.Scope;

/**
 * The tender module's share of the monthly report, per main center: the tenders registered in the
 * month by scope, category and rollout, the written explanations filed in the month, and the
 * explanations whose deadline was breached in the month (the deadline module's record of the breach,
 * which stays when the explanation comes late).
 */
@Component
class TenderMonthlyFigures implements MonthlyFigureSource {

    /** Keeps an IN list well below every database's limit on parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;
    private final Deadlines deadlines;

    TenderMonthlyFigures(JdbcClient jdbc, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    @Override
    @Transactional(readOnly = true)
    public void contribute(ReportMonth month, FigureSink sink) {
        Timestamp from = Timestamp.from(month.start());
        Timestamp until = Timestamp.from(month.end());
        jdbc.sql("SELECT main_center, scope, category, rollout, COUNT(*) AS n FROM tender "
                + "WHERE registered_at >= ? AND registered_at < ? GROUP BY main_center, scope, category, rollout")
                .params(from, until)
                .query(rs -> {
                    String center = rs.getString("main_center");
                    long count = rs.getLong("n");
                    sink.add(center, ReportFigure.TENDERS_REGISTERED, count);
                    String scope = rs.getString("scope");
                    if (scope != null) {
                        sink.add(center, scopeFigure(Scope.valueOf(scope)), count);
                    }
                    sink.add(center, categoryFigure(Category.valueOf(rs.getString("category"))), count);
                    if (RolloutStatus.NOT_IN_ROLLOUT.name().equals(rs.getString("rollout"))) {
                        sink.add(center, ReportFigure.NOT_IN_ROLLOUT, count);
                    }
                });
        jdbc.sql("SELECT main_center, COUNT(*) AS n FROM tender WHERE explanation_filed_at >= ? "
                + "AND explanation_filed_at < ? GROUP BY main_center")
                .params(from, until)
                .query(rs -> {
                    sink.add(rs.getString("main_center"), ReportFigure.EXEMPTION_EXPLANATIONS_FILED, rs.getLong("n"));
                });
        overdueExplanations(month, sink);
    }

    private void overdueExplanations(ReportMonth month, FigureSink sink) {
        List<String> breached = deadlines.tendersBreachedBetween(DeadlineKind.EXEMPTION_EXPLANATION, month.start(),
                month.end());
        Map<String, Long> perTender = new TreeMap<>();
        breached.forEach(id -> perTender.merge(id, 1L, Long::sum));
        List<String> ids = new ArrayList<>(perTender.keySet());
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY));
            jdbc.sql("SELECT id, main_center FROM tender WHERE id IN (:ids)").param("ids", chunk)
                    .query(rs -> {
                        sink.add(rs.getString("main_center"), ReportFigure.EXEMPTION_EXPLANATIONS_OVERDUE,
                                perTender.get(rs.getString("id")));
                    });
        }
    }

    static ReportFigure scopeFigure(Scope scope) {
        return switch (scope) {
            case CROSS_PROVINCE -> ReportFigure.SCOPE_CROSS_PROVINCE;
            case INTRA_PROVINCE -> ReportFigure.SCOPE_INTRA_PROVINCE;
            case EXEMPT -> ReportFigure.SCOPE_EXEMPT;
        };
    }

    static ReportFigure categoryFigure(Category category) {
        return switch (category) {
            case CONSTRUCTION -> ReportFigure.CATEGORY_CONSTRUCTION;
            case GOODS -> ReportFigure.CATEGORY_GOODS;
            case SERVICES -> ReportFigure.CATEGORY_SERVICES;
            case EPC -> ReportFigure.CATEGORY_EPC;
        };
    }
}
