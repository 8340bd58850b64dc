package cn.hlj.remoteeval.security;

/**
 * Encryption at rest of personal data (an expert's name, 身份证号 and mobile; an SMS in the outbox).
 * AES-GCM with a fresh nonce per value, so equal plaintexts give different ciphertexts; lookups go
 * through {@link #blindIndex}, a keyed hash with its own key, never through the ciphertext.
 */
public interface PersonalDataCipher {

    /** The ciphertext as printable ASCII (version prefix, nonce and tag included); null stays null. */
    String encrypt(String plaintext);

    /** The plaintext of a value {@link #encrypt} wrote; throws {@link IllegalStateException} when it was tampered with. */
    String decrypt(String ciphertext);

    /** A deterministic keyed hash (HMAC-SHA-256, hex) of an already normalised value, for equality lookups. */
    String blindIndex(String normalisedValue);
}
