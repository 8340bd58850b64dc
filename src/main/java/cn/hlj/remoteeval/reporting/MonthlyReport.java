package cn.hlj.remoteeval.reporting;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.hlj.remoteeval.reporting.ReportNoteSource.ReportNote;

/**
 * The monthly report as assembled at {@code generatedAt}: one row per trading center, in the
 * directory's order and with zeros for a center that had nothing, and the province's row, the sum of
 * the centers' for every figure. Immutable.
 */
public record MonthlyReport(ReportMonth month, Instant generatedAt, List<Row> centers, Row province, List<ReportNote> notes) {

    public MonthlyReport {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(generatedAt, "generatedAt");
        centers = List.copyOf(centers);
        Objects.requireNonNull(province, "province");
        notes = List.copyOf(notes);
    }

    /**
     * One line of the report: a center, or the province ({@code code} {@link #PROVINCE_CODE}).
     * Every figure is present, zero included.
     */
    public record Row(String code, String name, Map<ReportFigure, Long> figures) {

        public Row {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            EnumMap<ReportFigure, Long> all = new EnumMap<>(ReportFigure.class);
            for (ReportFigure figure : ReportFigure.values()) {
                all.put(figure, figures.getOrDefault(figure, 0L));
            }
            figures = Collections.unmodifiableMap(all);
        }

        public long get(ReportFigure figure) {
            return figures.get(figure);
        }

        /**
         * The share of venue draws that fell back to negotiation (协商确定), from 0 to 1; null when
         * the row had no venue draw.
         */
        public Double negotiatedShare() {
            long draws = get(ReportFigure.VENUE_DRAWS);
            return draws == 0 ? null : (double) get(ReportFigure.VENUE_DRAWS_NEGOTIATED) / draws;
        }
    }

    /** The code of the province's row, which is not a center. */
    public static final String PROVINCE_CODE = "ALL";
}
