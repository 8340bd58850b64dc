package cn.hlj.remoteeval.draw.internal;

import java.util.Objects;

import cn.hlj.remoteeval.draw.DrawKind;

/**
 * A draw to append to the chain, in canonical texts; the chain adds the sequence number, the time
 * and the hashes. {@code seedCommitment} is null for a record without a seed (negotiated venues).
 */
record NewDraw(String id, DrawKind kind, String tenderId, String algorithm, String seedCommitment, String eligibleList,
        String request, String result, String actor) {

    NewDraw {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenderId, "tenderId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(eligibleList, "eligibleList");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(actor, "actor");
    }
}
