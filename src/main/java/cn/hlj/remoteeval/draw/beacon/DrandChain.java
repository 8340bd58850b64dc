package cn.hlj.remoteeval.draw.beacon;

import java.time.Instant;
import java.util.Objects;

/**
 * A drand network as a verifier needs it: the key that signs its rounds and the clock that numbers them.
 *
 * @param chainHash     the chain's hash, hex
 * @param publicKey     the group public key, a 96-byte compressed G2 point, hex
 * @param genesisTime   the time of round 1, epoch seconds
 * @param periodSeconds the time between two rounds
 * @param scheme        drand's scheme id; only {@link #UNCHAINED_G1_RFC9380} is verifiable here
 */
public record DrandChain(String chainHash, String publicKey, long genesisTime, long periodSeconds, String scheme) {

    /** Signatures on G1, keys on G2, each round signing only its own number. */
    public static final String UNCHAINED_G1_RFC9380 = "bls-unchained-g1-rfc9380";

    /** The League of Entropy's 3-second network. */
    public static final DrandChain QUICKNET = new DrandChain(
            "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
            "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
            1692803367L, 3L, UNCHAINED_G1_RFC9380);

    public DrandChain {
        Objects.requireNonNull(chainHash, "chainHash");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(scheme, "scheme");
        if (!chainHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("chain hash must be 32 bytes of lower-case hex");
        }
        if (!publicKey.matches("[0-9a-f]{192}")) {
            throw new IllegalArgumentException("public key must be 96 bytes of lower-case hex");
        }
        if (genesisTime <= 0 || periodSeconds <= 0) {
            throw new IllegalArgumentException("genesis time and period must be positive");
        }
        // A chained scheme signs the previous signature too; verifying it with this code would reject every round.
        if (!UNCHAINED_G1_RFC9380.equals(scheme)) {
            throw new IllegalArgumentException("unsupported drand scheme: " + scheme);
        }
    }

    /** The first round published at or after {@code time}; round 1 for any time up to genesis. */
    public long roundAt(Instant time) {
        long seconds = time.getEpochSecond() + (time.getNano() > 0 ? 1 : 0);
        if (seconds <= genesisTime) {
            return 1;
        }
        long elapsed = seconds - genesisTime;
        return 1 + elapsed / periodSeconds + (elapsed % periodSeconds == 0 ? 0 : 1);
    }

    /** When {@code round} is published. */
    public Instant timeOf(long round) {
        if (round < 1) {
            throw new IllegalArgumentException("drand rounds start at 1: " + round);
        }
        return Instant.ofEpochSecond(Math.addExact(genesisTime, Math.multiplyExact(round - 1, periodSeconds)));
    }
}
