package cn.hlj.remoteeval.draw.internal;

import java.nio.ByteBuffer;

/**
 * The deterministic random stream of a draw, computed from its seed alone, so that anyone holding
 * the revealed seed gets the same numbers.
 *
 * <p><b>Bytes.</b> The stream is the concatenation of blocks {@code B0 || B1 || B2 || ...} where
 * {@code Bi = SHA-256(seed || i)}, {@code i} written as an unsigned 64-bit big-endian integer (8
 * bytes), starting at 0. Bytes are consumed in order and never reused.
 *
 * <p><b>Uniform integers.</b> {@code nextInt(bound)}, for {@code bound >= 1}, answers an integer in
 * {@code [0, bound)}: read the next 4 bytes as an unsigned 32-bit big-endian integer {@code x};
 * let {@code limit = 2^32 - (2^32 mod bound)}; if {@code x < limit} answer {@code x mod bound},
 * otherwise discard {@code x} and read the next 4 bytes (rejection sampling, so that no value is
 * favoured the way {@code x mod bound} alone would favour small ones). Every call reads at least
 * 4 bytes, also for {@code bound = 1}.
 */
final class RandomStream {

    private static final long TWO_TO_32 = 1L << 32;

    private final byte[] seed;
    private long blockIndex;
    private byte[] block = new byte[0];
    private int position;

    RandomStream(byte[] seed) {
        this.seed = seed.clone();
    }

    int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1");
        }
        long limit = TWO_TO_32 - (TWO_TO_32 % bound);
        while (true) {
            long x = nextUnsignedInt();
            if (x < limit) {
                return (int) (x % bound);
            }
        }
    }

    /** The next 4 bytes as an unsigned 32-bit big-endian integer. */
    long nextUnsignedInt() {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (nextByte() & 0xFF);
        }
        return value;
    }

    private byte nextByte() {
        if (position == block.length) {
            block = Hashes.sha256(seed, ByteBuffer.allocate(Long.BYTES).putLong(blockIndex++).array());
            position = 0;
        }
        return block[position++];
    }
}
