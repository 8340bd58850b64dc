package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;

/**
 * The province's signatures as a third party checks them: SM2 with SM3 and the default user id over
 * the bytes, DER (r, s) in hex, verified here with BouncyCastle directly rather than through the port.
 */
class ProvinceSignaturesUnitTest {

    private static final byte[] TEXT = "date=2031-06-01\ndrawSeq=42\n".getBytes(StandardCharsets.UTF_8);

    private final NationalCrypto crypto = new NationalCrypto(new SecureRandom());
    private final NationalCrypto.KeyPair pair = crypto.newKeyPair();
    private final ProvinceSignatures port = new ProvinceSignatures("HL", pair.privateKey(), crypto);

    @Test
    void aSignatureVerifiesUnderThePublicKeyAsDocumentedAndNotOverOtherBytesOrKeys() {
        byte[] signature = port.sign(TEXT);

        assertThat(port.publicKey()).contains(pair.publicKey());
        assertThat(ProvinceSignatures.verify(TEXT, signature, pair.publicKey())).isTrue();
        assertThat(independentlyVerified(TEXT, HexFormat.of().formatHex(signature), pair.publicKey())).isTrue();
        byte[] changed = TEXT.clone();
        changed[changed.length - 2] = '3';
        assertThat(ProvinceSignatures.verify(changed, signature, pair.publicKey())).isFalse();
        assertThat(ProvinceSignatures.verify(TEXT, signature, crypto.newKeyPair().publicKey())).isFalse();
        assertThat(ProvinceSignatures.verify(TEXT, new byte[] { 1, 2 }, pair.publicKey())).isFalse();
        assertThat(ProvinceSignatures.verify(TEXT, signature, "04zz")).isFalse();
    }

    @Test
    void theFingerprintIsSm3OfThePublicKeysHexText() {
        SM3Digest sm3 = new SM3Digest();
        byte[] text = pair.publicKey().getBytes(StandardCharsets.US_ASCII);
        sm3.update(text, 0, text.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);

        assertThat(ProvinceSignatures.fingerprint(pair.publicKey().toUpperCase())).isEqualTo(HexFormat.of().formatHex(out));
    }

    @Test
    void withoutAnExchangeKeyNothingIsSigned() {
        ProvinceSignatures none = new ProvinceSignatures("HL", "", crypto);

        assertThat(none.publicKey()).isEmpty();
        assertThatThrownBy(() -> none.sign(TEXT)).isInstanceOf(IllegalStateException.class);
    }

    private static boolean independentlyVerified(byte[] data, String signatureHex, String publicKeyHex) {
        X9ECParameters curve = GMNamedCurves.getByName("sm2p256v1");
        ECDomainParameters domain = new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ECPublicKeyParameters(curve.getCurve().decodePoint(HexFormat.of().parseHex(publicKeyHex)), domain));
        signer.update(data, 0, data.length);
        return signer.verifySignature(HexFormat.of().parseHex(signatureHex));
    }
}
