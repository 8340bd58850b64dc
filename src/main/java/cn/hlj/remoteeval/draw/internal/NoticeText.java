package cn.hlj.remoteeval.draw.internal;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import cn.hlj.remoteeval.draw.DrawKind;

/**
 * The canonical texts of seed derivation v2: a notice's request ({@code drawKind}, {@code entropy.sources}
 * and each source's plan as {@code entropy.<source>.<key>}) and a record's entropy ({@code sources} and each
 * source's contribution as {@code <source>.<key>}). Sources are listed by id, joined with {@code ,}.
 */
final class NoticeText {

    static final String ENTROPY_PREFIX = "entropy.";

    private NoticeText() {
    }

    static String request(DrawKind drawKind, SortedMap<String, SortedMap<String, String>> plans) {
        SortedMap<String, String> entries = prefixed(plans, ENTROPY_PREFIX);
        entries.put("drawKind", drawKind.name());
        return Canonical.encode(entries);
    }

    static String entropy(SortedMap<String, SortedMap<String, String>> contributions) {
        return Canonical.encode(prefixed(contributions, ""));
    }

    static DrawKind drawKind(String noticeRequest) {
        return DrawKind.valueOf(Canonical.decode(noticeRequest).get("drawKind"));
    }

    /** The plans of a notice's request by source id. */
    static SortedMap<String, SortedMap<String, String>> plans(String noticeRequest) {
        SortedMap<String, String> entries = Canonical.decode(noticeRequest);
        entries.remove("drawKind");
        SortedMap<String, String> entropy = new TreeMap<>();
        entries.forEach((key, value) -> {
            if (!key.startsWith(ENTROPY_PREFIX)) {
                throw new IllegalArgumentException("a notice has no key " + key);
            }
            entropy.put(key.substring(ENTROPY_PREFIX.length()), value);
        });
        return bySource(entropy);
    }

    /** The contributions of a record's entropy text by source id. */
    static SortedMap<String, SortedMap<String, String>> contributions(String entropyText) {
        return bySource(Canonical.decode(entropyText));
    }

    private static SortedMap<String, String> prefixed(SortedMap<String, SortedMap<String, String>> bySource,
            String prefix) {
        SortedMap<String, String> entries = new TreeMap<>();
        entries.put(prefix + "sources", String.join(",", bySource.keySet()));
        bySource.forEach((source, values) -> values.forEach((key, value) -> entries.put(prefix + source + "." + key, value)));
        return entries;
    }

    private static SortedMap<String, SortedMap<String, String>> bySource(SortedMap<String, String> entries) {
        String sources = entries.remove("sources");
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("no entropy sources named");
        }
        SortedMap<String, SortedMap<String, String>> bySource = new TreeMap<>();
        for (String source : List.of(sources.split(",", -1))) {
            if (!Canonical.isKey(source) || bySource.put(source, new TreeMap<>()) != null) {
                throw new IllegalArgumentException("bad entropy source list");
            }
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String key = entry.getKey();
            int dot = key.indexOf('.');
            SortedMap<String, String> values = dot < 0 ? null : bySource.get(key.substring(0, dot));
            if (values == null) {
                throw new IllegalArgumentException("entropy key " + key + " of no named source");
            }
            values.put(key.substring(dot + 1), entry.getValue());
        }
        return bySource;
    }
}
