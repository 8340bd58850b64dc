package cn.hlj.remoteeval.reporting;

import java.util.List;

/**
 * Lines the province's sheet of the monthly report carries besides the counts, e.g. the partner
 * provinces' targets that are at risk or missed. Implemented by the module that knows them.
 */
public interface ReportNoteSource {

    /** The notes as they stand at the end of the month (recomputed each time, the same for a past month). */
    List<ReportNote> notes(ReportMonth month);

    /**
     * @param topic what the note is about, in Chinese (e.g. "合作省份目标")
     * @param text the note itself, in Chinese
     * @param alert true when it calls for action (a target at risk or missed)
     */
    record ReportNote(String topic, String text, boolean alert) {
    }
}
