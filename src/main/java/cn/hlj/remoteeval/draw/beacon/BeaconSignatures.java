package cn.hlj.remoteeval.draw.beacon;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import org.apache.milagro.amcl.BLS381.BIG;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.apache.milagro.amcl.BLS381.FP12;
import org.apache.milagro.amcl.BLS381.PAIR;

/**
 * BLS signatures of drand's unchained G1 scheme: a round's message is SHA-256 of its number as 8 big-endian bytes,
 * hashed to G1 with {@link #DST}; the signature lives on G1 and the key on G2.
 *
 * <p>Signing exists for a development beacon that stands in for drand where there is no network; its key proves
 * nothing to anyone else.
 */
public final class BeaconSignatures {

    /** The domain separation tag drand's quicknet signs under. */
    public static final String DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

    private static final byte[] DST_BYTES = DST.getBytes(StandardCharsets.US_ASCII);
    private static final int SECRET_KEY_BYTES = 32;

    private BeaconSignatures() {
    }

    /**
     * Whether {@code round}'s signature is the chain's signature of that round. Any malformed signature or key is a
     * plain {@code false}.
     */
    public static boolean verify(DrandChain chain, BeaconRound round) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(round, "round");
        Optional<ECP> signature = parseHex(round.signatureHex()).flatMap(Bls12381::decodeG1);
        Optional<ECP2> publicKey = parseHex(chain.publicKey()).flatMap(Bls12381::decodeG2);
        if (signature.isEmpty() || publicKey.isEmpty()) {
            return false;
        }
        ECP messagePoint = HashToG1.hashToCurve(messageOf(round.round()), DST_BYTES);
        ECP2 negatedGenerator = ECP2.generator();
        negatedGenerator.neg();
        // e(sig, -g2) * e(H(m), pk) == 1 is e(sig, g2) == e(H(m), pk) with one final exponentiation instead of two.
        FP12 product = PAIR.fexp(PAIR.ate2(negatedGenerator, signature.get(), publicKey.get(), messagePoint));
        return product.isunity();
    }

    /** The 48-byte compressed signature of {@code round} under {@code secretKey}, hex. */
    public static String sign(byte[] secretKey, long round) {
        BIG scalar = scalarOf(secretKey);
        if (round < 1) {
            throw new IllegalArgumentException("drand rounds start at 1: " + round);
        }
        ECP signature = PAIR.G1mul(HashToG1.hashToCurve(messageOf(round), DST_BYTES), scalar);
        return HexFormat.of().formatHex(Bls12381.encodeG1(signature));
    }

    /** The 96-byte compressed G2 public key of {@code secretKey}, hex, as a {@link DrandChain} carries it. */
    public static String publicKeyOf(byte[] secretKey) {
        return HexFormat.of().formatHex(Bls12381.encodeG2(PAIR.G2mul(ECP2.generator(), scalarOf(secretKey))));
    }

    /** What drand signs for {@code round} in an unchained scheme. */
    public static byte[] messageOf(long round) {
        return Sha256.newDigest().digest(ByteBuffer.allocate(Long.BYTES).putLong(round).array());
    }

    private static BIG scalarOf(byte[] secretKey) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.length != SECRET_KEY_BYTES) {
            throw new IllegalArgumentException("a secret key is " + SECRET_KEY_BYTES + " bytes");
        }
        BigInteger order = Bls12381.bigInteger(Bls12381.order());
        BigInteger scalar = new BigInteger(1, secretKey);
        // A key at or above the group order would alias a smaller one, and zero signs everything with the identity.
        if (scalar.signum() == 0 || scalar.compareTo(order) >= 0) {
            throw new IllegalArgumentException("a secret key must lie between 1 and the group order");
        }
        return Bls12381.big(scalar);
    }

    private static Optional<byte[]> parseHex(String hex) {
        try {
            return Optional.of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
