package cn.hlj.remoteeval.draw.beacon;

import java.util.HexFormat;
import java.util.Objects;

/**
 * One published round as stored for offline verification: its number and its signature.
 *
 * <p>The signature is kept as given, even when malformed, so that {@link BeaconSignatures#verify} can say no to it
 * rather than the record refusing to exist.
 *
 * @param round        the round number, from 1
 * @param signatureHex the 48-byte compressed G1 signature, hex
 */
public record BeaconRound(long round, String signatureHex) {

    public BeaconRound {
        Objects.requireNonNull(signatureHex, "signatureHex");
        if (round < 1) {
            throw new IllegalArgumentException("drand rounds start at 1: " + round);
        }
    }

    /**
     * The round's random value as drand publishes it, SHA-256 of the signature bytes, hex.
     *
     * @throws IllegalArgumentException if the signature is not hex
     */
    public String randomness() {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(HexFormat.of().parseHex(signatureHex)));
    }
}
