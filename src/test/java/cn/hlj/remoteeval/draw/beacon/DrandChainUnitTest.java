package cn.hlj.remoteeval.draw.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DrandChainUnitTest {

    private static final DrandChain QUICKNET = DrandChain.QUICKNET;
    private static final long GENESIS = 1692803367L;

    @Test
    void roundOneIsAtGenesisAndEachRoundOnePeriodLater() {
        assertThat(QUICKNET.timeOf(1)).isEqualTo(Instant.ofEpochSecond(GENESIS));
        assertThat(QUICKNET.timeOf(2)).isEqualTo(Instant.ofEpochSecond(GENESIS + 3));
        assertThat(QUICKNET.timeOf(123)).isEqualTo(Instant.ofEpochSecond(GENESIS + 122 * 3));
        assertThatThrownBy(() -> QUICKNET.timeOf(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundAtIsTheFirstRoundPublishedAtOrAfterTheTime() {
        assertThat(QUICKNET.roundAt(Instant.ofEpochSecond(GENESIS))).isEqualTo(1);
        assertThat(QUICKNET.roundAt(Instant.ofEpochSecond(GENESIS - 100))).isEqualTo(1);
        assertThat(QUICKNET.roundAt(Instant.ofEpochSecond(GENESIS, 1))).isEqualTo(2);
        assertThat(QUICKNET.roundAt(Instant.ofEpochSecond(GENESIS + 1))).isEqualTo(2);
        assertThat(QUICKNET.roundAt(Instant.ofEpochSecond(GENESIS + 3))).isEqualTo(2);
        assertThat(QUICKNET.roundAt(Instant.ofEpochSecond(GENESIS + 4))).isEqualTo(3);
        for (long round : new long[] {1, 2, 123, 657413, 20791007, 40_000_000}) {
            Instant time = QUICKNET.timeOf(round);
            assertThat(QUICKNET.roundAt(time)).as("at round %d", round).isEqualTo(round);
            assertThat(QUICKNET.roundAt(time.minusMillis(1))).as("just before round %d", round).isEqualTo(round);
            assertThat(QUICKNET.roundAt(time.plusMillis(1))).as("just after round %d", round).isEqualTo(round + 1);
        }
    }

    @Test
    void onlyTheUnchainedG1SchemeIsAccepted() {
        assertThatThrownBy(() -> new DrandChain(QUICKNET.chainHash(), QUICKNET.publicKey(), GENESIS, 3, "pedersen-bls-chained"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrandChain(QUICKNET.chainHash(), QUICKNET.publicKey(), GENESIS, 0, QUICKNET.scheme()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrandChain("52db", QUICKNET.publicKey(), GENESIS, 3, QUICKNET.scheme()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
