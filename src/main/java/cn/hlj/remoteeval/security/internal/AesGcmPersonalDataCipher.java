package cn.hlj.remoteeval.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * AES-256-GCM with a random 96-bit nonce per value; the stored form is {@code v1:} followed by
 * base64(nonce ‖ ciphertext ‖ 128-bit tag), so that a later key or algorithm can live next to it
 * under another prefix. Blind indexes are HMAC-SHA-256 under a second key, in lower-case hex.
 * Exceptions name what failed, never a plaintext, a ciphertext or a key.
 */
@Component
class AesGcmPersonalDataCipher implements PersonalDataCipher {

    static final String PREFIX = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    AesGcmPersonalDataCipher(@Value("${" + PersonalDataKeys.ENCRYPTION_PROPERTY + ":}") String encryptionKey,
            @Value("${" + PersonalDataKeys.INDEX_PROPERTY + ":}") String indexKey, Environment environment) {
        this(PersonalDataKeys.fromConfiguration(encryptionKey, indexKey,
                environment.acceptsProfiles(Profiles.of("mysql | keycloak"))));
    }

    AesGcmPersonalDataCipher(PersonalDataKeys keys) {
        this.encryptionKey = new SecretKeySpec(keys.encryptionKey(), "AES");
        this.indexKey = new SecretKeySpec(keys.indexKey(), HMAC);
    }

    @Override
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data could not be encrypted (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        if (!ciphertext.startsWith(PREFIX)) {
            throw new IllegalStateException("Personal data could not be decrypted: unknown format");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Personal data could not be decrypted: not base64");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("Personal data could not be decrypted: too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Personal data could not be decrypted: tampered with or another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data could not be decrypted (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String blindIndex(String normalisedValue) {
        if (normalisedValue == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Blind index could not be computed (" + e.getClass().getSimpleName() + ")");
        }
    }
}
