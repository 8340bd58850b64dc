package cn.hlj.remoteeval.draw.internal.docverifier;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Canonical texts of seed-derivation-v1 §6, written from the document alone. */
final class DocCanonical {

    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");
    static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,8}");

    private DocCanonical() {
    }

    /** Sorted {@code key=value\n} lines; String order on ASCII keys is the documented code-unit order. */
    static String encode(Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (!KEY.matcher(key).matches() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("not canonical: " + key);
            }
            text.append(key).append('=').append(value).append('\n');
        }
        return text.toString();
    }

    /** Strict decoding: accepted only if re-encoding gives the same text. Returns null when refused. */
    static Map<String, String> decode(String text) {
        if (text == null) {
            return null;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            if (!text.endsWith("\n")) {
                return null;
            }
            for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    return null;
                }
                String key = line.substring(0, eq);
                if (!KEY.matcher(key).matches() || entries.put(key, line.substring(eq + 1)) != null) {
                    return null;
                }
            }
        }
        try {
            return encode(entries).equals(text) ? entries : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An ISO date {@code YYYY-MM-DD} and a half-day {@code AM} or {@code PM}, as both requests carry them. */
    static boolean isSlot(String date, String halfDay) {
        try {
            LocalDate.parse(date);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
        return "AM".equals(halfDay) || "PM".equals(halfDay);
    }

    /** A count value, or -1 when it is not one. */
    static long count(String value) {
        return value != null && COUNT.matcher(value).matches() ? Long.parseLong(value) : -1;
    }

    /** Inline counts {@code key:count,…}, sorted by key, every count ≥ 1, at least one pair; null when refused. */
    static TreeMap<String, Long> inlineCounts(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        TreeMap<String, Long> counts = new TreeMap<>();
        for (String pair : value.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String key = pair.substring(0, colon);
            long count = count(pair.substring(colon + 1));
            if (!KEY.matcher(key).matches() || count < 1 || counts.put(key, count) != null) {
                return null;
            }
        }
        List<String> pairs = new ArrayList<>();
        counts.forEach((key, count) -> pairs.add(key + ":" + count));
        return String.join(",", pairs).equals(value) ? counts : null;
    }
}
