package cn.hlj.remoteeval.draw.internal;

import org.springframework.stereotype.Component;

/**
 * Checks a revealed draw the way anyone holding its record could: the seed against the
 * commitment, the eligible list against its hash, the record hash against the fields, and the
 * result against a rerun of the recorded algorithm version. A noticed draw (v2) reruns on the seed derived
 * from the revealed server seed, its notice's hash and its entropy.
 */
@Component
class DrawVerifier {

    private final DrawAlgorithms algorithms;

    DrawVerifier(DrawAlgorithms algorithms) {
        this.algorithms = algorithms;
    }

    DrawVerification verify(DrawRecord record, String secretHex) {
        boolean eligibleOk = record.eligibleListMatchesHash();
        boolean recordOk = record.recordHashValid(secretHex);
        if (record.seedCommitment() == null) {
            // No draw to rerun (negotiated venues): the secret is a salt and only the hashes can be checked.
            return new DrawVerification(record.id(), null, eligibleOk, null, record.result(), null, recordOk,
                    eligibleOk && recordOk);
        }
        DrawSeed seed = parse(secretHex);
        boolean seedOk = seed != null && record.secretMatches(secretHex);
        String recomputed = seed == null ? null : rerun(record, seed);
        boolean reproduced = recomputed != null && recomputed.equals(record.result());
        return new DrawVerification(record.id(), seedOk, eligibleOk, recomputed, record.result(), reproduced, recordOk,
                seedOk && eligibleOk && reproduced && recordOk);
    }

    private String rerun(DrawRecord record, DrawSeed seed) {
        return algorithms.find(record.algorithm()).map(algorithm -> {
            try {
                DrawSeed drawn = record.noticed() ? SeedDerivation.v2(seed, record.noticeHash(), record.entropy()) : seed;
                return algorithm.recompute(drawn, record.request(), record.eligibleList());
            } catch (IllegalArgumentException unreadable) {
                return null;
            }
        }).orElse(null);
    }

    private static DrawSeed parse(String seedHex) {
        try {
            return seedHex == null ? null : DrawSeed.fromHex(seedHex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
