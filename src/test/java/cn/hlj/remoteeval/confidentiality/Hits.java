package cn.hlj.remoteeval.confidentiality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where canaries were found: each hit names its place (endpoint, table.column and row, log line) and the text around it. */
final class Hits {

    private final List<String> found = new ArrayList<>();
    private int placesSearched;

    /** Searches {@code text} case-insensitively for every term; records each occurrence. */
    void search(String where, String text, Map<String, String> terms) {
        placesSearched++;
        if (text == null || text.isEmpty()) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> term : terms.entrySet()) {
            String needle = term.getValue().toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length())) {
                int from = Math.max(0, at - 60);
                int to = Math.min(text.length(), at + needle.length() + 60);
                found.add(where + " :: " + term.getKey() + " '" + term.getValue() + "' in …"
                        + text.substring(from, to).replaceAll("\\s+", " ") + "…");
            }
        }
    }

    List<String> list() {
        return found;
    }

    int placesSearched() {
        return placesSearched;
    }

    String report(String title) {
        StringBuilder report = new StringBuilder(title).append(": ").append(found.size()).append(" hit(s) in ")
                .append(placesSearched).append(" places searched\n");
        found.forEach(hit -> report.append("  - ").append(hit).append('\n'));
        return report.toString();
    }
}
