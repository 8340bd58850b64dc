package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The stream as its javadoc publishes it, checked against an implementation written here from that text. */
class RandomStreamUnitTest {

    @Test
    void theFirstBytesAreTheFirstBlockSha256OfSeedAndCounterZero() throws Exception {
        byte[] seed = seed(1);
        byte[] block0 = MessageDigest.getInstance("SHA-256").digest(concat(seed, new byte[8]));

        RandomStream stream = new RandomStream(seed);

        for (int i = 0; i < 8; i++) {
            long expected = ByteBuffer.wrap(block0, 4 * i, 4).getInt() & 0xFFFFFFFFL;
            assertThat(stream.nextUnsignedInt()).isEqualTo(expected);
        }
    }

    @Test
    void uniformIntegersFollowThePublishedRejectionRuleIncludingRejections() throws Exception {
        // For this bound about a quarter of all 32-bit values lie above the limit and must be skipped.
        int bound = (1 << 30) + 1;
        int rejections = 0;
        for (int s = 0; s < 50; s++) {
            byte[] seed = seed(s);
            Reference reference = new Reference(seed);
            RandomStream stream = new RandomStream(seed);
            for (int i = 0; i < 40; i++) {
                int[] expected = reference.nextInt(bound);
                rejections += expected[1];
                assertThat(stream.nextInt(bound)).isEqualTo(expected[0]);
            }
        }
        assertThat(rejections).as("the test must exercise rejections").isGreaterThan(100);
    }

    @Test
    void smallBoundsStayInRangeAndUseFourBytesEachEvenForOne() throws Exception {
        byte[] seed = seed(7);
        RandomStream stream = new RandomStream(seed);
        RandomStream sameSeed = new RandomStream(seed);
        for (int i = 0; i < 1000; i++) {
            int bound = 1 + i % 13;
            int value = stream.nextInt(bound);
            assertThat(value).isBetween(0, bound - 1);
        }
        assertThat(new RandomStream(seed).nextInt(1)).isZero();
        RandomStream afterOne = new RandomStream(seed);
        afterOne.nextInt(1);
        sameSeed.nextUnsignedInt();
        assertThat(afterOne.nextUnsignedInt()).isEqualTo(sameSeed.nextUnsignedInt());
    }

    @Test
    void crossesBlockBoundariesWithTheCounterInEightBytesBigEndian() throws Exception {
        byte[] seed = seed(3);
        RandomStream stream = new RandomStream(seed);
        for (int i = 0; i < 8 * 300; i++) {
            stream.nextUnsignedInt();
        }
        byte[] block300 = MessageDigest.getInstance("SHA-256")
                .digest(concat(seed, ByteBuffer.allocate(8).putLong(300).array()));
        assertThat(stream.nextUnsignedInt()).isEqualTo(ByteBuffer.wrap(block300, 0, 4).getInt() & 0xFFFFFFFFL);
    }

    @Test
    void refusesAnEmptyRange() {
        assertThatThrownBy(() -> new RandomStream(seed(0)).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeedIsThirtyTwoBytesCommittedBySha256AndNeverPrinted() throws Exception {
        DrawSeed seed = DrawSeed.generate(new java.security.SecureRandom());
        assertThat(seed.hex()).hasSize(64).matches("[0-9a-f]+");
        byte[] bytes = java.util.HexFormat.of().parseHex(seed.hex());
        assertThat(seed.commitment())
                .isEqualTo(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(DrawSeed.fromHex(seed.hex())).isEqualTo(seed);
        assertThat(seed.toString()).doesNotContain(seed.hex());
        assertThatThrownBy(() -> DrawSeed.fromHex("abcd")).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] seed(int n) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(("random-stream-test " + n).getBytes("UTF-8"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The javadoc's rule, written independently: whole stream of bytes first, then 4 bytes per try. */
    private static final class Reference {
        private final List<Byte> bytes = new ArrayList<>();
        private int position;

        Reference(byte[] seed) throws Exception {
            for (long counter = 0; counter < 200; counter++) {
                for (byte b : MessageDigest.getInstance("SHA-256")
                        .digest(concat(seed, ByteBuffer.allocate(8).putLong(counter).array()))) {
                    bytes.add(b);
                }
            }
        }

        /** {value, number of rejected tries}. */
        int[] nextInt(int bound) {
            long limit = (1L << 32) - ((1L << 32) % bound);
            int rejected = 0;
            while (true) {
                long x = 0;
                for (int i = 0; i < 4; i++) {
                    x = x * 256 + (bytes.get(position++) & 0xFF);
                }
                if (x < limit) {
                    return new int[] { (int) (x % bound), rejected };
                }
                rejected++;
            }
        }
    }
}
