package cn.hlj.remoteeval.anchor.internal;

import java.util.Optional;

/**
 * How this module signs and checks statements: the province's exchange key in production
 * ({@link ExchangeKeyHeadSigner}), a stand-in in unit tests. Checks use the key configured now, never
 * one handed in, so that a statement stored with a key of its own cannot vouch for itself.
 */
interface HeadSigner {

    String province();

    /** Empty while no exchange key is configured. */
    Optional<Signed> sign(byte[] data);

    /** Whether the signature (hex) is the configured key's over the data; false when malformed or no key is configured. */
    boolean verifies(byte[] data, String signature);

    /** The configured key's fingerprint; empty while none is configured. */
    Optional<String> fingerprint();

    /** A signature (DER, hex) with the public key (hex) it verifies under and that key's SM3 fingerprint. */
    record Signed(String signature, String publicKey, String fingerprint) {
    }
}
