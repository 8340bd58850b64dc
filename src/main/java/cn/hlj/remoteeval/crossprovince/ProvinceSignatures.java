package cn.hlj.remoteeval.crossprovince;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;

/**
 * Signatures by this province's exchange key ({@code remote-eval.exchange.private-key}): SM2 over SM3
 * with the default user id, DER-encoded, as the exchange signs its envelopes. For documents the
 * province publishes outside the exchange, e.g. exported draw records.
 */
@Component
public class ProvinceSignatures {

    private final String province;
    private final String privateKey;
    private final NationalCrypto crypto;

    ProvinceSignatures(@Value("${remote-eval.exchange.province:HL}") String province,
            @Value("${remote-eval.exchange.private-key:}") String privateKey, NationalCrypto crypto) {
        this.province = province;
        this.privateKey = privateKey == null ? "" : privateKey.strip();
        this.crypto = crypto;
    }

    public String province() {
        return province;
    }

    /** The public key as hex (uncompressed point); empty while no private key is configured. */
    public Optional<String> publicKey() {
        return privateKey.isEmpty() ? Optional.empty() : Optional.of(NationalCrypto.publicKeyOf(privateKey));
    }

    /** The DER-encoded SM2 signature of the bytes; refused while no private key is configured. */
    public byte[] sign(byte[] data) {
        if (privateKey.isEmpty()) {
            throw new IllegalStateException("no exchange private key is configured (remote-eval.exchange.private-key)");
        }
        return crypto.sign(data, privateKey);
    }

    /** The fingerprint people compare: SM3 (hex) of the public key's lower-case hex text, as ASCII. */
    public static String fingerprint(String publicKeyHex) {
        return NationalCrypto.sm3Hex(publicKeyHex.strip().toLowerCase().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Whether the signature is the public key's over the data; false for a malformed key or signature. */
    public static boolean verify(byte[] data, byte[] signature, String publicKeyHex) {
        try {
            return NationalCrypto.verify(data, signature, publicKeyHex);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
