package cn.hlj.remoteeval.draw.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The canonical text of a draw's inputs and results: the one byte sequence their hashes are
 * computed over, so that the same content always gives the same hash.
 *
 * <p>A canonical text is a set of entries, one per line, each {@code key=value} followed by a
 * line feed ({@code \n}, also after the last line), sorted by key in ascending order. Keys are
 * non-empty and consist of ASCII letters, digits, {@code .}, {@code _} and {@code -} only (so
 * that the order of keys is the same by character and by byte); a value may hold any character but
 * a line feed or carriage return; the text is encoded in UTF-8 for hashing. An empty set is the
 * empty text. Counts (free seats, booked seats) are written as decimal integers without sign or
 * leading zeros.
 *
 * <p>A map of counts inside one value (the seats or quotas of an expert draw request) is written
 * {@code key:count} pairs joined by {@code ,}, sorted by key, e.g. {@code HRB:2,MDJ:3}: keys as
 * above, counts decimal integers of at least 1, no spaces ({@link #encodeInlineCounts}).
 */
final class Canonical {

    private Canonical() {
    }

    static String encode(Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
            requireKey(entry.getKey());
            String value = entry.getValue();
            if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("value of " + entry.getKey() + " must be a single line");
            }
            text.append(entry.getKey()).append('=').append(value).append('\n');
        }
        return text.toString();
    }

    /** The entries of a canonical text; rejects any text that {@link #encode} would not have written. */
    static SortedMap<String, String> decode(String text) {
        SortedMap<String, String> entries = new TreeMap<>();
        if (text == null) {
            throw new IllegalArgumentException("no text");
        }
        if (text.isEmpty()) {
            return entries;
        }
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a canonical text ends with a line feed");
        }
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("line without '='");
            }
            String key = line.substring(0, equals);
            requireKey(key);
            if (entries.put(key, line.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("key " + key + " twice");
            }
        }
        if (!encode(entries).equals(text)) {
            throw new IllegalArgumentException("entries not in canonical order");
        }
        return entries;
    }

    static String encodeCounts(Map<String, Integer> counts) {
        Map<String, String> entries = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            if (count == null || count < 0) {
                throw new IllegalArgumentException("count of " + key + " must be zero or more");
            }
            entries.put(key, Integer.toString(count));
        });
        return encode(entries);
    }

    static SortedMap<String, Integer> decodeCounts(String text) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        decode(text).forEach((key, value) -> counts.put(key, count(key, value)));
        return Collections.unmodifiableSortedMap(counts);
    }

    static int count(String key, String value) {
        if (value == null || !value.matches("0|[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("count of " + key + " is not a canonical integer");
        }
        return Integer.parseInt(value);
    }

    /** {@code HRB:2,MDJ:3}: the counts sorted by key; every count at least 1, at least one entry. */
    static String encodeInlineCounts(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("no counts");
        }
        StringBuilder value = new StringBuilder();
        for (Map.Entry<String, Integer> entry : new TreeMap<>(counts).entrySet()) {
            requireKey(entry.getKey());
            if (entry.getValue() == null || entry.getValue() < 1) {
                throw new IllegalArgumentException("count of " + entry.getKey() + " must be at least 1");
            }
            if (value.length() > 0) {
                value.append(',');
            }
            value.append(entry.getKey()).append(':').append(entry.getValue());
        }
        return value.toString();
    }

    /** The counts of a value {@link #encodeInlineCounts} wrote; rejects any other spelling. */
    static SortedMap<String, Integer> decodeInlineCounts(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("no counts");
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (String pair : value.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("pair without ':'");
            }
            String key = pair.substring(0, colon);
            requireKey(key);
            if (counts.put(key, count(key, pair.substring(colon + 1))) != null) {
                throw new IllegalArgumentException("key " + key + " twice");
            }
        }
        if (!encodeInlineCounts(counts).equals(value)) {
            throw new IllegalArgumentException("counts not in canonical form");
        }
        return Collections.unmodifiableSortedMap(counts);
    }

    /** Whether the text may be a key (or a code inside a value): ASCII letters, digits, '.', '_' and '-'. */
    static boolean isKey(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        // A loop, not a regular expression: an eligible list of thousands of experts checks three codes per line.
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static void requireKey(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("invalid key");
        }
    }
}
