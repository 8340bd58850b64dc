package cn.hlj.remoteeval.reporting;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The tenders of the month, one row each, for the workbook's detail sheet ({@code 标段明细}).
 * Implemented as a Spring bean by the module that owns the tenders. A year of a large province is a
 * million rows: the source hands them over one at a time, in a stable order (registration time, then
 * section code) so that regenerating a month gives the same sheet, and never collects them in memory
 * (page through the table, or stream a result set).
 *
 * <p>A row names the main venue only: never a sub-venue (secrecy, DESIGN §2 "Venue draw").
 */
public interface ReportDetailSource {

    /** Hands every tender registered in the month (province time) to {@code rows}, one call per tender. */
    void tenders(ReportMonth month, Consumer<TenderRow> rows);

    /**
     * @param sectionCode the tender section's code (标段编号)
     * @param name the section's name, as the tenderer entered it (written as text, never as a formula)
     * @param mainCenter the main venue's center code; a code the directory does not know is a programming error
     * @param category {@code CONSTRUCTION | GOODS | SERVICES | EPC} (DESIGN §4); shown in Chinese
     * @param scope {@code CROSS_PROVINCE | INTRA_PROVINCE | EXEMPT}; shown in Chinese
     * @param notInRollout true when the tender was recorded as outside the intra-province rollout
     * @param registeredOn the registration date in the province
     * @param state the tender's state as people read it, in Chinese (e.g. "评标中")
     */
    record TenderRow(String sectionCode, String name, String mainCenter, String category, String scope,
            boolean notInRollout, LocalDate registeredOn, String state) {
    }
}
