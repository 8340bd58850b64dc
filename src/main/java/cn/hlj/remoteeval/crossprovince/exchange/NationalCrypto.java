package cn.hlj.remoteeval.crossprovince.exchange;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.asn1.gm.GMNamedCurves;

/**
 * The national algorithms the exchange uses (GB/T 32918 SM2, GB/T 32905 SM3, GB/T 32907 SM4), through
 * BouncyCastle's lightweight API. Keys travel as hex: a public key as its uncompressed point
 * ({@code 04‖X‖Y}), a private key as its scalar; SM2 signatures are DER-encoded (r, s) with the
 * default user id, SM2 ciphertexts in C1C3C2 order, SM4 in GCM mode with a 128-bit tag.
 */
public final class NationalCrypto {

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
            CURVE.getH());
    private static final HexFormat HEX = HexFormat.of();
    static final int SM4_KEY_BYTES = 16;
    static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    private final SecureRandom random;

    public NationalCrypto(SecureRandom random) {
        this.random = random;
    }

    /** A province's key pair: public and private key as hex. */
    public record KeyPair(String publicKey, String privateKey) {

        @Override
        public String toString() {
            return "KeyPair[publicKey=" + publicKey + ", privateKey=(hidden)]";
        }
    }

    public KeyPair newKeyPair() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPublicKeyParameters publicKey = (ECPublicKeyParameters) pair.getPublic();
        ECPrivateKeyParameters privateKey = (ECPrivateKeyParameters) pair.getPrivate();
        return new KeyPair(HEX.formatHex(publicKey.getQ().getEncoded(false)), HEX.formatHex(privateKey.getD().toByteArray()));
    }

    /** The public key of a private key, for a configuration check at start. */
    public static String publicKeyOf(String privateKey) {
        ECPrivateKeyParameters key = privateKey(privateKey);
        return HEX.formatHex(DOMAIN.getG().multiply(key.getD()).normalize().getEncoded(false));
    }

    public static String sm3Hex(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HEX.formatHex(out);
    }

    public byte[] sign(byte[] data, String privateKey) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(privateKey(privateKey), random));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    public static boolean verify(byte[] data, byte[] signature, String publicKey) {
        SM2Signer signer = new SM2Signer();
        signer.init(false, publicKey(publicKey));
        signer.update(data, 0, data.length);
        return signer.verifySignature(signature);
    }

    byte[] encryptForRecipient(byte[] data, String publicKey) {
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(publicKey(publicKey), random));
        try {
            return engine.processBlock(data, 0, data.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    static byte[] decryptAsRecipient(byte[] cipherText, String privateKey) throws InvalidCipherTextException {
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, privateKey(privateKey));
        return engine.processBlock(cipherText, 0, cipherText.length);
    }

    byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] sm4Gcm(boolean encrypt, byte[] key, byte[] iv, byte[] associatedData, byte[] input)
            throws InvalidCipherTextException {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), GCM_TAG_BITS, iv, associatedData));
        byte[] output = new byte[cipher.getOutputSize(input.length)];
        int written = cipher.processBytes(input, 0, input.length, output, 0);
        cipher.doFinal(output, written);
        return output;
    }

    /** Whether text is a well-formed SM2 public key (a point on the curve), for the partner register. */
    public static boolean isPublicKey(String text) {
        try {
            publicKey(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ECPublicKeyParameters publicKey(String hex) {
        try {
            return new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(HEX.parseHex(hex.strip())).normalize(), DOMAIN);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an SM2 public key", e);
        }
    }

    private static ECPrivateKeyParameters privateKey(String hex) {
        try {
            return new ECPrivateKeyParameters(new BigInteger(1, HEX.parseHex(hex.strip())), DOMAIN);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an SM2 private key", e);
        }
    }
}
