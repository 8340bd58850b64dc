package cn.hlj.remoteeval.draw.internal;

import java.time.Instant;

/**
 * The seed a noticed draw runs on, with what it was derived from: the notice's server seed (the record's
 * secret and commitment), the notice, the entropy text and the time the eligible list was read.
 */
record DerivedSeed(DrawSeed serverSeed, DrawSeed seed, String noticeId, String noticeHash, String entropy,
        Instant snapshotAt) {

    /** The commitment the record carries: the notice's, to the server seed. */
    String commitment() {
        return serverSeed.commitment();
    }

    RandomStream stream() {
        return seed.stream();
    }

    /** Never a seed: a seed must not reach a log line by accident. */
    @Override
    public String toString() {
        return "DerivedSeed[notice=" + noticeId + ", commitment=" + commitment() + "]";
    }
}
