package cn.hlj.remoteeval.draw.internal.docverifier;

import java.util.List;
import java.util.Map;

/**
 * A second verifier of the draw chain, written from {@code src/docs/algorithms/} alone (seed-derivation-v1,
 * seed-derivation-v2, venue-draw-v1, expert-draw-v1) with only the JDK: it shares no code with the production classes,
 * so a test can hold the published documents and the code to each other. The single exception is the BLS12-381
 * signature check of a beacon round (v2 §2), for which {@link DocNoticeRules} calls the production beacon library.
 * A supervisor's contribution (v2 §2.3) is checked by {@link DocSupervisor}, written from the document with the JDK.
 */
public final class DocumentedVerifier {

    /** seed-derivation-v1 §10: the outcome of checking one revealed record. Null fields: not applicable. */
    public record Verification(boolean eligibleListMatchesHash, boolean recordHashValid, Boolean seedMatchesCommitment,
            String recomputedResult, Boolean resultReproduced, boolean verified) {
    }

    /**
     * seed-derivation-v1 §11: the first fault, or {@code problem = null}, the record count and (v2 §6) the notices no
     * draw names when intact.
     */
    public record ChainCheck(String problem, long seq, long records, long unusedNotices) {

        public ChainCheck(String problem, long seq, long records) {
            this(problem, seq, records, 0);
        }

        public boolean intact() {
            return problem == null;
        }
    }

    private DocumentedVerifier() {
    }

    /** The draw named by {@code algorithm}, rerun on the record's texts; null if unknown or a text is refused. */
    public static String recompute(String algorithm, byte[] seed, String request, String eligibleList) {
        return switch (algorithm) {
            // seed-derivation-v2: the picks of the v2 draws are exactly those of their v1 documents
            case "venue-draw/v1", "venue-draw/v2" -> DocVenueDraw.recompute(seed, request, eligibleList);
            case "expert-draw/v1", "expert-draw/v2" -> DocExpertDraw.recompute(seed, request, eligibleList);
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

    /**
     * seed-derivation-v1 §10; for a draw with a notice (v2 §5) the rerun uses the seed derived from the revealed
     * server seed, the record's {@code noticeHash} and its {@code entropy}.
     */
    public static Verification verify(DocRecord record, String secretHex) {
        byte[] secret = DocRecord.unhex(secretHex);
        boolean listMatches = eligibleListMatchesHash(record);
        boolean hashValid = secret != null && DocRecord.recordHash(record, secret).equals(record.recordHash());
        if (record.seedCommitment() == null) {
            return new Verification(listMatches, hashValid, null, null, null, listMatches && hashValid);
        }
        boolean seedMatches = secret != null && seedCommitment(secret).equals(record.seedCommitment());
        byte[] drawSeed = secret == null || !record.noticed() ? secret
                : DocSeedV2.derivedSeed(secret, record.noticeHash(), record.entropy());
        String recomputed = drawSeed == null ? null
                : recompute(record.algorithm(), drawSeed, record.request(), record.eligibleList());
        boolean reproduced = recomputed != null && recomputed.equals(record.result());
        return new Verification(listMatches, hashValid, seedMatches, recomputed, reproduced,
                seedMatches && listMatches && reproduced && hashValid);
    }

    /** seed-derivation-v1 §11 with no entropy source known: for chains without notices. */
    public static ChainCheck verifyChain(List<DocRecord> records, Map<String, String> secretsById, long headSeq,
            String headHash) {
        return verifyChain(records, secretsById, headSeq, headHash, List.of());
    }

    /**
     * seed-derivation-v1 §11 followed, for each record, by the notice rules of seed-derivation-v2 §6, on records in
     * ascending seq, every record's secret hex by id, the head row, and the beacons this verifier knows (the
     * supervisor's source of v2 §2.3 needs no configuration and is always known).
     */
    public static ChainCheck verifyChain(List<DocRecord> records, Map<String, String> secretsById, long headSeq,
            String headHash, List<DocBeacon> sources) {
        DocNoticeRules rules = new DocNoticeRules(sources);
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
            String noticeFault = rules.check(r);
            if (noticeFault != null) {
                return new ChainCheck(noticeFault, r.seq(), 0);
            }
            expectedPrevious = r.recordHash();
            expectedSeq++;
        }
        long lastSeq = expectedSeq - 1;
        if (headSeq != lastSeq || !headHash.equals(expectedPrevious)) {
            return new ChainCheck("HEAD_MISMATCH", Math.min(headSeq, lastSeq) + (headSeq == lastSeq ? 0 : 1), 0);
        }
        return new ChainCheck(null, 0, lastSeq, rules.unusedNotices());
    }

    private static boolean eligibleListMatchesHash(DocRecord record) {
        return record.eligibleList() != null && textHash(record.eligibleList()).equals(record.eligibleListHash());
    }
}
