package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.hlj.remoteeval.draw.DrawKind;

/**
 * One link of the draw chain, as stored in {@code draw_record}.
 *
 * <p><b>Secret.</b> Every record has a 32-byte secret kept apart in {@code draw_seed} until its
 * tender's evaluation ends: the seed of a random draw (its SHA-256 is the record's
 * {@code seedCommitment}), or a random salt for a record without a draw (negotiated venues, no
 * commitment).
 *
 * <p><b>Record hash.</b> {@code record_hash} is SHA-256 (hex) of the {@link Canonical} text with
 * the keys {@code actor}, {@code algorithm}, {@code createdAt} (ISO-8601 UTC, whole seconds, e.g.
 * {@code 2031-05-06T01:02:03Z}), {@code eligibleListHash}, {@code id}, {@code kind},
 * {@code previousHash}, {@code requestHash} (SHA-256 of the request text), {@code resultHmac}
 * (HMAC-SHA256 of the result text keyed with the record's secret), {@code seedCommitment} (empty
 * when there is none), {@code seq} and {@code tenderId}. {@code previousHash} is the record hash of
 * the record with {@code seq − 1}, or 64 zeros for the first record. The eligible list itself is
 * covered through {@code eligibleListHash}, which must be SHA-256 of the eligible list text. All
 * texts are hashed as UTF-8; hashes are 64 lower-case hex digits.
 *
 * <p><b>Noticed draws (seed derivation v2).</b> A random draw that names its notice
 * ({@link cn.hlj.remoteeval.draw.DrawKind#NOTICE}) adds four keys to that text: {@code entropyHash} (SHA-256 of the
 * entropy text), {@code noticeHash} (the notice's record hash), {@code noticeId} and {@code snapshotAt} (when the
 * eligible list was read, written as {@code createdAt}). Its secret is the notice's server seed, and its seed
 * commitment the notice's. Records without a notice keep the twelve keys, so records written before v2 verify as
 * they did. See {@code src/docs/algorithms/seed-derivation-v2.md}.
 *
 * <p>The result enters keyed because the record hash is shown before the secrecy period ends: a
 * venue result has few possible values, and a plain hash of it could be matched by trying them all.
 */
record DrawRecord(String id, long seq, DrawKind kind, String tenderId, String algorithm, String seedCommitment,
        String eligibleList, String eligibleListHash, String request, String result, String actor, Instant createdAt,
        String previousHash, String recordHash, String noticeId, String noticeHash, String entropy, Instant snapshotAt) {

    /** A record of seed derivation v1, which names no notice. */
    DrawRecord(String id, long seq, DrawKind kind, String tenderId, String algorithm, String seedCommitment,
            String eligibleList, String eligibleListHash, String request, String result, String actor, Instant createdAt,
            String previousHash, String recordHash) {
        this(id, seq, kind, tenderId, algorithm, seedCommitment, eligibleList, eligibleListHash, request, result, actor,
                createdAt, previousHash, recordHash, null, null, null, null);
    }

    static final String GENESIS_HASH = "0".repeat(64);

    /** Whole seconds: the MySQL driver is configured not to send fractions, and the hash must survive the round trip. */
    static Instant timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The record with the given place in the chain, its eligible-list and record hashes computed. */
    static DrawRecord seal(NewDraw draw, long seq, String previousHash, Instant createdAt, DrawSeed secret) {
        DrawRecord unsealed = new DrawRecord(draw.id(), seq, draw.kind(), draw.tenderId(), draw.algorithm(),
                draw.seedCommitment(), draw.eligibleList(), Hashes.sha256Hex(draw.eligibleList()), draw.request(),
                draw.result(), draw.actor(), timestamp(createdAt), previousHash, null, draw.noticeId(), draw.noticeHash(),
                draw.entropy(), draw.snapshotAt() == null ? null : timestamp(draw.snapshotAt()));
        return unsealed.withRecordHash(unsealed.computeRecordHash(secret));
    }

    String computeRecordHash(DrawSeed secret) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("actor", actor);
        fields.put("algorithm", algorithm);
        fields.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(createdAt));
        fields.put("eligibleListHash", eligibleListHash);
        fields.put("id", id);
        fields.put("kind", kind.name());
        fields.put("previousHash", previousHash);
        fields.put("requestHash", Hashes.sha256Hex(request));
        fields.put("resultHmac", Hashes.hmacSha256Hex(secret.bytes(), result));
        fields.put("seedCommitment", seedCommitment == null ? "" : seedCommitment);
        fields.put("seq", Long.toString(seq));
        fields.put("tenderId", tenderId);
        if (noticed()) {
            fields.put("entropyHash", Hashes.sha256Hex(entropy));
            fields.put("noticeHash", noticeHash);
            fields.put("noticeId", noticeId);
            fields.put("snapshotAt", DateTimeFormatter.ISO_INSTANT.format(snapshotAt));
        }
        return Hashes.sha256Hex(Canonical.encode(fields));
    }

    /** Whether the fields give the record hash; false when the secret is missing or not 32 bytes in hex. */
    boolean recordHashValid(String secretHex) {
        try {
            return computeRecordHash(DrawSeed.fromHex(secretHex)).equals(recordHash);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Whether the secret is the one the record committed to (any well-formed secret when it committed to none). */
    boolean secretMatches(String secretHex) {
        try {
            DrawSeed secret = DrawSeed.fromHex(secretHex);
            return seedCommitment == null || secret.commitment().equals(seedCommitment);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** Whether this is a random draw of seed derivation v2, naming its notice. */
    boolean noticed() {
        return noticeId != null;
    }

    boolean eligibleListMatchesHash() {
        return eligibleList != null && Hashes.sha256Hex(eligibleList).equals(eligibleListHash);
    }

    DrawRecord withRecordHash(String hash) {
        return new DrawRecord(id, seq, kind, tenderId, algorithm, seedCommitment, eligibleList, eligibleListHash,
                request, result, actor, createdAt, previousHash, hash, noticeId, noticeHash, entropy, snapshotAt);
    }
}
