package cn.hlj.remoteeval.draw.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * The checks of an export's signature with BouncyCastle alone (no Spring), for the standalone verifier:
 * SM2 (GB/T 32918) over SM3 with the default user id {@code 1234567812345678}, the signature DER-encoded
 * (r, s), the public key an uncompressed point {@code 04‖X‖Y} in lower-case hex. This is how the province
 * signs with its exchange key ({@code crossprovince.exchange.NationalCrypto}); the verifier checks it on
 * its own rather than through that class, which it cannot carry.
 */
final class ExportSignatures {

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH());
    private static final HexFormat HEX = HexFormat.of();

    private ExportSignatures() {
    }

    /** The key's fingerprint: SM3 of the public key's hex text (ASCII), 64 lower-case hex digits. */
    static String fingerprint(String publicKeyHex) {
        byte[] data = publicKeyHex.getBytes(StandardCharsets.US_ASCII);
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HEX.formatHex(out);
    }

    /** Whether the signature (lower-case hex of DER) is the key's over the data; false when either is malformed. */
    static boolean verify(byte[] data, String signatureHex, String publicKeyHex) {
        if (!isLowerHex(signatureHex) || !isLowerHex(publicKeyHex)) {
            return false;
        }
        try {
            ECPublicKeyParameters key = new ECPublicKeyParameters(
                    DOMAIN.getCurve().decodePoint(HEX.parseHex(publicKeyHex)).normalize(), DOMAIN);
            SM2Signer signer = new SM2Signer();
            signer.init(false, key);
            signer.update(data, 0, data.length);
            return signer.verifySignature(HEX.parseHex(signatureHex));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Non-empty, even length, digits and {@code a–f} only. */
    static boolean isLowerHex(String text) {
        if (text == null || text.isEmpty() || text.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
