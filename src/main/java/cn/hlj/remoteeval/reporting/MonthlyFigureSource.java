package cn.hlj.remoteeval.reporting;

/**
 * A module's share of the monthly report, computed from its own tables (or the engine's history)
 * every time it is asked, never from numbers kept by hand: asked twice for a past month, it answers
 * the same. Modules implement it as a Spring bean; the reporting module collects them all.
 */
public interface MonthlyFigureSource {

    /** Adds the module's figures of the month, per center code, to the sink. */
    void contribute(ReportMonth month, FigureSink sink);

    /** Where a source puts its counts; several sources may add to the same center and figure. */
    @FunctionalInterface
    interface FigureSink {
        void add(String centerCode, ReportFigure figure, long count);
    }
}
