package cn.hlj.remoteeval.draw.internal.docverifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The texts and the seed of seed-derivation-v2, written from the document alone: the notice's request (§1), the
 * entropy text (§3) and the derived seed (§3).
 */
public final class DocSeedV2 {

    /** §1: the draw kinds a notice may announce. */
    static final Set<String> DRAW_KINDS = Set.of("VENUE", "EXPERT", "HOSTED_EXPERT");
    static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9_-]+");
    static final Pattern ROUND = Pattern.compile("[1-9][0-9]{0,17}");
    private static final String PLAN_PREFIX = "entropy.";

    private DocSeedV2() {
    }

    /**
     * §1: {@code drawKind=…}, {@code entropy.<source>.<key>=<value>} per planned value, {@code entropy.sources=<ids
     * sorted, joined with ",">}, as a canonical text.
     */
    public static String noticeRequest(String drawKind, Map<String, ? extends Map<String, String>> plans) {
        TreeMap<String, String> entries = new TreeMap<>();
        entries.put("drawKind", drawKind);
        entries.putAll(perSource(PLAN_PREFIX, plans, "entropy.sources"));
        return DocCanonical.encode(entries);
    }

    /** §3: {@code <source>.<key>=<value>} per contributed value, {@code sources=<ids sorted, joined with ",">}. */
    public static String entropyText(Map<String, ? extends Map<String, String>> contributions) {
        return DocCanonical.encode(perSource("", contributions, "sources"));
    }

    /** §1: a beacon source's plan, {@code chain} and {@code round}. */
    public static SortedMap<String, String> beaconPlan(DocBeacon beacon, long round) {
        return new TreeMap<>(Map.of("chain", beacon.chainHash(), "round", Long.toString(round)));
    }

    /** §2: a beacon source's contribution: chain, round, signature and {@code randomness = hex(SHA256(signature))}. */
    public static SortedMap<String, String> beaconContribution(DocBeacon beacon, long round, String signatureHex) {
        return new TreeMap<>(Map.of("chain", beacon.chainHash(), "round", Long.toString(round), "signature",
                signatureHex, "randomness", randomness(signatureHex)));
    }

    /** §3: {@code HMAC-SHA256(serverSeed, UTF8("remote-eval/draw-seed/v2\n" + noticeRecordHash + "\n" + entropy))}. */
    public static byte[] derivedSeed(byte[] serverSeed, String noticeRecordHash, String entropyText) {
        return DocRecord.hmac(serverSeed, ("remote-eval/draw-seed/v2" + "\n" + noticeRecordHash + "\n" + entropyText)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The randomness of a signature given as hex, or null when the signature is not hex. */
    static String randomness(String signatureHex) {
        if (signatureHex == null || !signatureHex.matches("([0-9a-fA-F]{2})*")) {
            return null;
        }
        return DocRecord.hex(DocStream.sha256(java.util.HexFormat.of().parseHex(signatureHex)));
    }

    /**
     * Reads {@code <prefix><source>.<key>} lines and the {@code <sourcesKey>} line back into values per source; null
     * when the text is not canonical, a line is neither, or the listed sources are not exactly those with values,
     * sorted and without repeats.
     */
    static TreeMap<String, TreeMap<String, String>> perSource(Map<String, String> entries, String prefix,
            String sourcesKey, Set<String> otherKeys) {
        String listed = entries.get(sourcesKey);
        if (listed == null) {
            return null;
        }
        TreeMap<String, TreeMap<String, String>> bySource = new TreeMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (key.equals(sourcesKey) || otherKeys.contains(key)) {
                continue;
            }
            if (!key.startsWith(prefix)) {
                return null;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                return null;
            }
            bySource.computeIfAbsent(rest.substring(0, dot), s -> new TreeMap<>()).put(rest.substring(dot + 1),
                    entry.getValue());
        }
        return String.join(",", bySource.keySet()).equals(listed) ? bySource : null;
    }

    private static TreeMap<String, String> perSource(String prefix, Map<String, ? extends Map<String, String>> values,
            String sourcesKey) {
        TreeMap<String, String> entries = new TreeMap<>();
        List<String> ids = new ArrayList<>(new TreeMap<>(values).keySet());
        for (String id : ids) {
            if (!SOURCE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a source id: " + id);
            }
            values.get(id).forEach((key, value) -> entries.put(prefix + id + "." + key, value));
        }
        entries.put(sourcesKey, String.join(",", ids));
        return entries;
    }
}
