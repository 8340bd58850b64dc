package cn.hlj.remoteeval.draw.internal;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret of a draw record: 32 bytes from {@link SecureRandom}. For a random draw it is the
 * seed of the stream; for a record without a draw, a salt. Before the draw only its
 * commitment, SHA-256 of the 32 bytes, is made public; the seed itself is revealed when the
 * secrecy period ends, and anyone can then check it against the commitment.
 */
final class DrawSeed {

    static final int LENGTH = 32;

    private final byte[] bytes;

    private DrawSeed(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a seed has " + LENGTH + " bytes");
        }
        this.bytes = bytes.clone();
    }

    static DrawSeed generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new DrawSeed(bytes);
    }

    static DrawSeed of(byte[] bytes) {
        return new DrawSeed(bytes);
    }

    /** The seed from its 64 hex digits. */
    static DrawSeed fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a seed is written as " + 2 * LENGTH + " hex digits");
        }
        return new DrawSeed(Hashes.unhex(hex));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    String hex() {
        return Hashes.hex(bytes);
    }

    /** SHA-256 of the 32 seed bytes, as 64 lower-case hex digits. */
    String commitment() {
        return Hashes.hex(Hashes.sha256(bytes));
    }

    RandomStream stream() {
        return new RandomStream(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DrawSeed seed && Arrays.equals(bytes, seed.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never the seed itself: a seed must not reach a log line by accident. */
    @Override
    public String toString() {
        return "DrawSeed[commitment=" + commitment() + "]";
    }
}
