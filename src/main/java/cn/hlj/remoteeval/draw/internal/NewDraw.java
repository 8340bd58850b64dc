package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;
import java.util.Objects;

import cn.hlj.remoteeval.draw.DrawKind;

/**
 * A draw to append to the chain, in canonical texts; the chain adds the sequence number, the time
 * and the hashes. {@code seedCommitment} is null for a record without a seed (negotiated venues).
 * A random draw of seed derivation v2 also names its notice, the entropy its seed was derived with
 * and when its eligible list was read ({@link #noticed}); the others leave these null.
 */
record NewDraw(String id, DrawKind kind, String tenderId, String algorithm, String seedCommitment, String eligibleList,
        String request, String result, String actor, String noticeId, String noticeHash, String entropy,
        Instant snapshotAt) {

    NewDraw {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenderId, "tenderId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(eligibleList, "eligibleList");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(actor, "actor");
        if ((noticeId == null) != (noticeHash == null) || (noticeId == null) != (entropy == null)
                || (noticeId == null) != (snapshotAt == null)) {
            throw new IllegalArgumentException("a noticed draw names its notice, its entropy and its snapshot time");
        }
    }

    NewDraw(String id, DrawKind kind, String tenderId, String algorithm, String seedCommitment, String eligibleList,
            String request, String result, String actor) {
        this(id, kind, tenderId, algorithm, seedCommitment, eligibleList, request, result, actor, null, null, null, null);
    }

    /** This draw as run on the seed derived from its notice's server seed and the entropy collected after the snapshot. */
    NewDraw noticed(DerivedSeed seed) {
        return new NewDraw(id, kind, tenderId, algorithm, seed.commitment(), eligibleList, request, result, actor,
                seed.noticeId(), seed.noticeHash(), seed.entropy(), seed.snapshotAt());
    }
}
