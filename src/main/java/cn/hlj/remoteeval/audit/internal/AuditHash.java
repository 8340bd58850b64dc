package cn.hlj.remoteeval.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry hash of the audit chain, exactly as {@code src/docs/algorithms/audit-chain-v1.md}
 * defines it: SHA-256 over the sorted {@code key=value\n} lines of the sealed fields.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    /** Fixed to microseconds, the column's precision, so the text does not depend on trailing zeros. */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditHash() {
    }

    static String canonicalText(SealedEntry entry) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("seal_no", Long.toString(entry.sealNo()));
        fields.put("prev_hash", entry.prevHash());
        fields.put("occurred_at", INSTANT.format(entry.occurredAt()));
        fields.put("actor", entry.actor());
        fields.put("action", entry.action());
        fields.put("subject_type", entry.subjectType());
        fields.put("subject_id", entry.subjectId());
        fields.put("detail", entry.detail() == null ? "" : entry.detail());
        fields.put("id", Long.toString(entry.id()));
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> text.append(key).append('=').append(escape(value)).append('\n'));
        return text.toString();
    }

    static String entryHash(SealedEntry entry) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalText(entry).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static String format(Instant instant) {
        return INSTANT.format(instant);
    }

    /** Details are free text: escaping keeps one line per field, so no value can forge another field. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
