package cn.hlj.remoteeval.draw.internal;

/**
 * A published, versioned draw algorithm: from a seed and the canonical texts of a record's request
 * and eligible list it computes the canonical result, deterministically. A version, once
 * recorded, never changes its behaviour; a new behaviour is a new {@link #id()}.
 */
interface DrawAlgorithm {

    /** The version written into the record's {@code algorithm} field, e.g. {@code venue-draw/v1}. */
    String id();

    /**
     * Every version id this algorithm reruns. The picks of {@code venue-draw/v2} and {@code expert-draw/v2} are
     * those of v1; v2 says the seed was derived from a notice and entropy (seed derivation v2).
     */
    default java.util.Set<String> versions() {
        return java.util.Set.of(id());
    }

    /**
     * Reruns the draw. Throws {@link IllegalArgumentException} when the texts are not what this
     * algorithm writes (e.g. a tampered record).
     */
    String recompute(DrawSeed seed, String request, String eligibleList);
}
