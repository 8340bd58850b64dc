package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.transaction.support.TransactionOperations;

import cn.hlj.remoteeval.security.CurrentActor;

/** The test beacon of application-test.yml, for tests that build the draw services by hand. */
final class TestEntropy {

    static final byte[] TEST_BEACON_KEY = Hashes.unhex("108d73393f502874da2218ac29f04897e4a3c21d037b81c60814a0592d6549cb");

    private TestEntropy() {
    }

    static BeaconEntropy beacon(Clock clock) {
        return new BeaconEntropy(EntropyConfiguration.DEV_BEACON, EntropyConfiguration.devChain(TEST_BEACON_KEY, 1577836800L, 3),
                new LocalBeaconRounds(TEST_BEACON_KEY), Duration.ofSeconds(6), clock, duration -> {
                });
    }

    static EntropySources sources(Clock clock) {
        return new EntropySources(List.of(beacon(clock)), List.of());
    }

    /** Notices appended in the caller's transaction (or none): these tests have no transaction manager. */
    static DrawNotices notices(DrawChain chain, SeedSource seeds, Clock clock) {
        return new DrawNotices(chain, seeds, sources(clock), new CurrentActor(), clock, TransactionOperations.withoutTransaction());
    }
}
