package cn.hlj.remoteeval.draw.internal;

/**
 * The recomputation of one revealed draw from its record. For a record without a seed
 * (negotiated venues) there is nothing to recompute: the seed and result fields are null and
 * {@code verified} covers the two hashes only.
 */
record DrawVerification(String drawId, Boolean seedMatchesCommitment, boolean eligibleListMatchesHash,
        String recomputedResult, String recordedResult, Boolean resultReproduced, boolean recordHashValid,
        boolean verified) {
}
