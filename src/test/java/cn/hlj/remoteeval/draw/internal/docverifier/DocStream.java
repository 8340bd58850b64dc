package cn.hlj.remoteeval.draw.internal.docverifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The random stream of seed-derivation-v1 §4 and the uniform pick of §5, written from the document alone:
 * blocks {@code SHA256(seed ‖ be64(i))}, 4-byte big-endian reads, bounded integers by rejection.
 */
public final class DocStream {

    private static final long TWO_32 = 1L << 32;

    private final byte[] seed;
    private long counter;
    private byte[] block = new byte[0];
    private int position;

    public DocStream(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("a seed is 32 bytes");
        }
        this.seed = seed.clone();
    }

    private int nextByte() {
        if (position == block.length) {
            byte[] input = new byte[40];
            System.arraycopy(seed, 0, input, 0, 32);
            for (int i = 0; i < 8; i++) {
                input[32 + i] = (byte) (counter >>> (56 - 8 * i));
            }
            block = sha256(input);
            counter++;
            position = 0;
        }
        return block[position++] & 0xFF;
    }

    public long nextU32() {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | nextByte();
        }
        return value;
    }

    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound < 1");
        }
        long limit = TWO_32 - (TWO_32 % bound);
        while (true) {
            long x = nextU32();
            if (x < limit) {
                return (int) (x % bound);
            }
        }
    }

    /** §5: the first {@code k} entries of a partial Fisher–Yates shuffle of {@code a}, in pick order. */
    public <T> List<T> uniformPick(List<T> a, int k) {
        int m = a.size();
        if (k < 0 || k > m) {
            throw new IllegalArgumentException("k out of range");
        }
        Object[] array = a.toArray();
        for (int i = 0; i < k; i++) {
            int j = i + nextInt(m - i);
            Object swap = array[i];
            array[i] = array[j];
            array[j] = swap;
        }
        @SuppressWarnings("unchecked")
        List<T> picks = (List<T>) List.of(array).subList(0, k);
        return picks;
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
