package cn.hlj.remoteeval.draw.internal.docverifier;

import java.time.Duration;
import java.time.Instant;

/**
 * A beacon entropy source as seed-derivation-v2 §2 describes it: an id, the chain hash, the group public key (96-byte
 * compressed G2, hex), the genesis time and the period. A verifier knows the sources it is configured with; any other
 * source id in a record is "unknown here" (§6, {@code ENTROPY_INVALID}).
 */
public record DocBeacon(String id, String chainHash, String publicKey, long genesis, long period) {

    /** §2: drand's quicknet, the public key as drand publishes it. */
    public static final DocBeacon QUICKNET = new DocBeacon("drand-quicknet",
            "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
            "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c"
                    + "8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb"
                    + "5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
            1692803367L, 3L);

    /** §2: the development beacon; its chain hash is {@code hex(SHA256(UTF8("remote-eval/dev-beacon/" + pk hex)))}. */
    public static DocBeacon devBeacon(String publicKeyHex, long genesis, long period) {
        return new DocBeacon("dev-beacon", DocRecord.sha256Hex("remote-eval/dev-beacon/" + publicKeyHex), publicKeyHex,
                genesis, period);
    }

    /** §1: a drand round {@code r} has the time {@code genesis + (r − 1) · period}. */
    public Instant timeOf(long round) {
        return Instant.ofEpochSecond(genesis + (round - 1) * period);
    }

    /** §1: the first round whose time is at or after {@code noticeTime + margin}. */
    public long plannedRound(Instant noticeTime, Duration margin) {
        Instant earliest = noticeTime.plus(margin);
        long round = 1;
        if (earliest.isAfter(timeOf(1))) {
            Duration since = Duration.between(timeOf(1), earliest);
            round = 1 + since.getSeconds() / period;
        }
        while (timeOf(round).isBefore(earliest)) {
            round++;
        }
        return round;
    }
}
