package cn.hlj.remoteeval.draw.internal.docverifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A draw record as seed-derivation-v1 §7.1 lists its fields, as plain values a verifier reads from the API or the
 * opened database columns. {@code seedCommitment} is null for a record without a draw. The last four fields are those
 * seed-derivation-v2 §4 adds to a draw run on a notice; all four are null for a record without a notice (v1 records,
 * notices themselves, negotiated records).
 */
public record DocRecord(String id, long seq, String kind, String tenderId, String algorithm, String seedCommitment,
        String eligibleList, String eligibleListHash, String request, String result, String actor, Instant createdAt,
        String previousHash, String recordHash, String noticeId, String noticeHash, String entropy,
        Instant snapshotAt) {

    /** A record without a notice (seed-derivation-v1 §7.1). */
    public DocRecord(String id, long seq, String kind, String tenderId, String algorithm, String seedCommitment,
            String eligibleList, String eligibleListHash, String request, String result, String actor,
            Instant createdAt, String previousHash, String recordHash) {
        this(id, seq, kind, tenderId, algorithm, seedCommitment, eligibleList, eligibleListHash, request, result, actor,
                createdAt, previousHash, recordHash, null, null, null, null);
    }

    /** seed-derivation-v2 §4: a draw that names its notice. */
    public boolean noticed() {
        return noticeId != null;
    }

    static final String ZERO_HASH = "0".repeat(64);

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * v1 §7.2: SHA-256 of the canonical text of the twelve fields, the result entering as HMAC keyed by the secret;
     * v2 §4: a draw with a notice adds {@code entropyHash}, {@code noticeHash}, {@code noticeId}, {@code snapshotAt}.
     */
    static String recordHash(DocRecord r, byte[] secret) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("actor", r.actor());
        fields.put("algorithm", r.algorithm());
        fields.put("createdAt", CREATED_AT.format(r.createdAt()));
        fields.put("eligibleListHash", r.eligibleListHash());
        fields.put("id", r.id());
        fields.put("kind", r.kind());
        fields.put("previousHash", r.previousHash());
        fields.put("requestHash", sha256Hex(r.request()));
        fields.put("resultHmac", hex(hmac(secret, r.result().getBytes(StandardCharsets.UTF_8))));
        fields.put("seedCommitment", r.seedCommitment() == null ? "" : r.seedCommitment());
        fields.put("seq", Long.toString(r.seq()));
        fields.put("tenderId", r.tenderId());
        if (r.noticed()) {
            fields.put("entropyHash", sha256Hex(r.entropy()));
            fields.put("noticeHash", r.noticeHash());
            fields.put("noticeId", r.noticeId());
            fields.put("snapshotAt", CREATED_AT.format(r.snapshotAt()));
        }
        return sha256Hex(DocCanonical.encode(fields));
    }

    static String sha256Hex(String text) {
        return hex(DocStream.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    /** §10 step 1: exactly 64 hex digits, or null. */
    static byte[] unhex(String secretHex) {
        if (secretHex == null || !secretHex.matches("[0-9a-fA-F]{64}")) {
            return null;
        }
        return HexFormat.of().parseHex(secretHex);
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
