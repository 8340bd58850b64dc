package cn.hlj.remoteeval.draw.internal.docverifier;

import java.util.List;
import java.util.Map;

/**
 * A second verifier of the draw chain, written from {@code src/docs/algorithms/} alone (seed-derivation-v1,
 * venue-draw-v1, expert-draw-v1) with only the JDK: it shares no code with the production classes, so a test can
 * hold the published documents and the code to each other.
 */
public final class DocumentedVerifier {

    /** seed-derivation-v1 §10: the outcome of checking one revealed record. Null fields: not applicable. */
    public record Verification(boolean eligibleListMatchesHash, boolean recordHashValid, Boolean seedMatchesCommitment,
            String recomputedResult, Boolean resultReproduced, boolean verified) {
    }

    /** seed-derivation-v1 §11: the first fault, or {@code problem = null} and the record count when intact. */
    public record ChainCheck(String problem, long seq, long records) {

        public boolean intact() {
            return problem == null;
        }
    }

    private DocumentedVerifier() {
    }

    /** The draw named by {@code algorithm}, rerun on the record's texts; null if unknown or a text is refused. */
    public static String recompute(String algorithm, byte[] seed, String request, String eligibleList) {
        return switch (algorithm) {
            case "venue-draw/v1" -> DocVenueDraw.recompute(seed, request, eligibleList);
            case "expert-draw/v1" -> DocExpertDraw.recompute(seed, request, eligibleList);
            default -> null;
        };
    }

    /** seed-derivation-v1 §3. */
    public static String seedCommitment(byte[] seed) {
        return DocRecord.hex(DocStream.sha256(seed));
    }

    /** seed-derivation-v1 §7.1: {@code hex(SHA256(UTF8(text)))}, as for the eligible list and the request. */
    public static String textHash(String text) {
        return DocRecord.sha256Hex(text);
    }

    /** seed-derivation-v1 §7.2. */
    public static String recordHash(DocRecord record, byte[] secret) {
        return DocRecord.recordHash(record, secret);
    }

    /** seed-derivation-v1 §10. */
    public static Verification verify(DocRecord record, String secretHex) {
        byte[] secret = DocRecord.unhex(secretHex);
        boolean listMatches = eligibleListMatchesHash(record);
        boolean hashValid = secret != null && DocRecord.recordHash(record, secret).equals(record.recordHash());
        if (record.seedCommitment() == null) {
            return new Verification(listMatches, hashValid, null, null, null, listMatches && hashValid);
        }
        boolean seedMatches = secret != null && seedCommitment(secret).equals(record.seedCommitment());
        String recomputed = secret == null ? null
                : recompute(record.algorithm(), secret, record.request(), record.eligibleList());
        boolean reproduced = recomputed != null && recomputed.equals(record.result());
        return new Verification(listMatches, hashValid, seedMatches, recomputed, reproduced,
                seedMatches && listMatches && reproduced && hashValid);
    }

    /** seed-derivation-v1 §11, on records in ascending seq, every record's secret hex by id, and the head row. */
    public static ChainCheck verifyChain(List<DocRecord> records, Map<String, String> secretsById, long headSeq,
            String headHash) {
        long expectedSeq = 1;
        String expectedPrevious = DocRecord.ZERO_HASH;
        for (DocRecord r : records) {
            if (r.seq() != expectedSeq) {
                return new ChainCheck("RECORD_MISSING", expectedSeq, 0);
            }
            if (!eligibleListMatchesHash(r)) {
                return new ChainCheck("ELIGIBLE_LIST_CHANGED", r.seq(), 0);
            }
            byte[] secret = DocRecord.unhex(secretsById.get(r.id()));
            if (secret == null || (r.seedCommitment() != null && !seedCommitment(secret).equals(r.seedCommitment()))) {
                return new ChainCheck("SECRET_CHANGED", r.seq(), 0);
            }
            if (!DocRecord.recordHash(r, secret).equals(r.recordHash())) {
                return new ChainCheck("RECORD_CHANGED", r.seq(), 0);
            }
            if (!r.previousHash().equals(expectedPrevious)) {
                return new ChainCheck("PREVIOUS_HASH_MISMATCH", r.seq(), 0);
            }
            expectedPrevious = r.recordHash();
            expectedSeq++;
        }
        long lastSeq = expectedSeq - 1;
        if (headSeq != lastSeq || !headHash.equals(expectedPrevious)) {
            return new ChainCheck("HEAD_MISMATCH", Math.min(headSeq, lastSeq) + (headSeq == lastSeq ? 0 : 1), 0);
        }
        return new ChainCheck(null, 0, lastSeq);
    }

    private static boolean eligibleListMatchesHash(DocRecord record) {
        return record.eligibleList() != null && textHash(record.eligibleList()).equals(record.eligibleListHash());
    }
}
