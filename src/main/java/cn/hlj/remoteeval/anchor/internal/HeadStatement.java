package cn.hlj.remoteeval.anchor.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * What a day's publication says: the heads of both chains as they stood at {@code takenAt}. Its
 * canonical text is what is signed and time-stamped, byte for byte as in
 * {@code src/docs/architecture/published-heads.md}; a third party rebuilds it from the published fields.
 */
record HeadStatement(LocalDate date, String province, long drawSeq, String drawHash, long auditSealNo, String auditHash,
        Instant takenAt) {

    static final String FORMAT = "published-heads/v1";

    HeadStatement {
        // Whole seconds: the text must come back the same from a DATETIME column of any precision.
        takenAt = takenAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Sorted {@code key=value} lines, each ending in a line feed; keys in ASCII order. */
    String canonicalText() {
        return "auditHash=" + auditHash + "\n"
                + "auditSealNo=" + auditSealNo + "\n"
                + "date=" + date + "\n"
                + "drawHash=" + drawHash + "\n"
                + "drawSeq=" + drawSeq + "\n"
                + "format=" + FORMAT + "\n"
                + "province=" + province + "\n"
                + "takenAt=" + DateTimeFormatter.ISO_INSTANT.format(takenAt) + "\n";
    }

    byte[] bytes() {
        return canonicalText().getBytes(StandardCharsets.UTF_8);
    }

    byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256());
    }
}
