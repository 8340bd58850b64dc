package cn.hlj.remoteeval.draw.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** Salts for records without a draw, from a fixed sequence so that tests compute the same hashes on every run. */
final class TestSalts implements SeedSource {

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public DrawSeed next() {
        return VenueDrawAlgorithmUnitTest.seed("salt " + next.getAndIncrement());
    }
}
