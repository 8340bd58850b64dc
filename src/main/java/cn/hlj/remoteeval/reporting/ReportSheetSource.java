package cn.hlj.remoteeval.reporting;

import java.util.List;
import java.util.function.Consumer;

/**
 * A sheet of its own in the monthly workbook, after the detail sheet: a module's list of the month
 * (for example the chain heads it published), as text cells under Chinese headers. Implemented as a
 * Spring bean by the module that owns the rows; a few hundred rows at most, handed over one at a time.
 */
public interface ReportSheetSource {

    /** The sheet's name: at most 31 characters, none of {@code : \ / ? * [ ]}. */
    String sheetName();

    /** The title above the header row, e.g. "2026年10月公布的哈希链链头". */
    String title(ReportMonth month);

    List<String> headers();

    /** Hands every row of the month to {@code rows}, one list of cells per row, as many cells as headers. */
    void rows(ReportMonth month, Consumer<List<String>> rows);
}
