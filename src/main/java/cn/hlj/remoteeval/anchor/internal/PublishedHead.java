package cn.hlj.remoteeval.anchor.internal;

import java.time.Instant;

/**
 * A statement as published: signed with the province's exchange key, and time-stamped when an
 * authority is configured.
 *
 * @param signature SM2 over the statement's canonical text, DER in hex
 * @param publicKey the key it was signed with (hex), so a reader needs nothing else to check it
 * @param keyFingerprint SM3 of the public key's hex text, for people to compare
 * @param timestampToken the RFC 3161 token over the statement's SHA-256, Base64; null without an authority
 */
record PublishedHead(HeadStatement statement, String signature, String publicKey, String keyFingerprint,
        String timestampToken, Instant publishedAt) {
}
