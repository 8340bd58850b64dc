package cn.hlj.remoteeval.draw.beacon;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

import org.apache.milagro.amcl.BLS381.BIG;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.apache.milagro.amcl.BLS381.FP2;
import org.apache.milagro.amcl.BLS381.ROM;

/**
 * The bridge between BLS12-381 points and their compressed ZCash encoding (48 bytes on G1, 96 on G2; the top three
 * bits of the first byte say compressed, infinity and which root y is), and between {@link BigInteger} and the
 * library's number type.
 *
 * <p>Decoding refuses anything a signature or a key can never be: other lengths, an uncompressed or infinity flag,
 * a coordinate not below p, an x with no point over it, and a point outside the prime-order subgroup. Without the
 * last check a small-order component could pass the pairing equation unnoticed.
 */
final class Bls12381 {

    static final int G1_BYTES = 48;
    static final int G2_BYTES = 96;

    private static final BigInteger P = HashToG1.P;
    private static final int COMPRESSED = 0x80;
    private static final int INFINITY = 0x40;
    private static final int LARGEST_Y = 0x20;
    private static final BigInteger CURVE_B = BigInteger.valueOf(4);

    private Bls12381() {
    }

    static BIG order() {
        return new BIG(ROM.CURVE_Order);
    }

    static BIG big(BigInteger value) {
        return BIG.fromBytes(toFieldBytes(value));
    }

    static BigInteger bigInteger(BIG value) {
        BIG normalised = new BIG(value);
        normalised.norm();
        byte[] bytes = new byte[BIG.MODBYTES];
        normalised.toBytes(bytes);
        return new BigInteger(1, bytes);
    }

    static ECP toEcp(HashToG1.Affine point) {
        if (point == null) {
            ECP identity = new ECP();
            identity.inf();
            return identity;
        }
        return new ECP(big(point.x()), big(point.y()));
    }

    static HashToG1.Affine affine(ECP point) {
        ECP copy = new ECP(point);
        copy.affine();
        return new HashToG1.Affine(bigInteger(copy.getX()), bigInteger(copy.getY()));
    }

    static byte[] encodeG1(ECP point) {
        if (point.is_infinity()) {
            throw new IllegalArgumentException("the identity is no signature");
        }
        HashToG1.Affine affine = affine(point);
        byte[] out = toFieldBytes(affine.x());
        out[0] |= (byte) (COMPRESSED | (HashToG1.isLexicographicallyLargest(affine.y()) ? LARGEST_Y : 0));
        return out;
    }

    static Optional<ECP> decodeG1(byte[] encoded) {
        if (encoded.length != G1_BYTES || !hasPointFlags(encoded[0])) {
            return Optional.empty();
        }
        BigInteger x = coordinate(encoded, 0);
        if (x.compareTo(P) >= 0) {
            return Optional.empty();
        }
        BigInteger y = HashToG1.sqrtOrNull(x.multiply(x).multiply(x).add(CURVE_B).mod(P));
        if (y == null) {
            return Optional.empty();
        }
        if (HashToG1.isLexicographicallyLargest(y) != wantsLargestY(encoded[0])) {
            y = P.subtract(y).mod(P);
        }
        ECP point = new ECP(big(x), big(y));
        if (point.is_infinity() || !point.mul(order()).is_infinity()) {
            return Optional.empty();
        }
        return Optional.of(point);
    }

    static byte[] encodeG2(ECP2 point) {
        if (point.is_infinity()) {
            throw new IllegalArgumentException("the identity is no public key");
        }
        ECP2 copy = new ECP2(point);
        copy.affine();
        FP2 x = copy.getX();
        byte[] out = new byte[G2_BYTES];
        // The imaginary part comes first in this encoding.
        System.arraycopy(toFieldBytes(bigInteger(x.getB())), 0, out, 0, G1_BYTES);
        System.arraycopy(toFieldBytes(bigInteger(x.getA())), 0, out, G1_BYTES, G1_BYTES);
        out[0] |= (byte) (COMPRESSED | (isLexicographicallyLargest(copy.getY()) ? LARGEST_Y : 0));
        return out;
    }

    static Optional<ECP2> decodeG2(byte[] encoded) {
        if (encoded.length != G2_BYTES || !hasPointFlags(encoded[0])) {
            return Optional.empty();
        }
        BigInteger imaginary = coordinate(encoded, 0);
        BigInteger real = coordinate(encoded, G1_BYTES);
        if (imaginary.compareTo(P) >= 0 || real.compareTo(P) >= 0) {
            return Optional.empty();
        }
        ECP2 point = new ECP2(new FP2(big(real), big(imaginary)));
        if (point.is_infinity()) {
            return Optional.empty();
        }
        if (isLexicographicallyLargest(point.getY()) != wantsLargestY(encoded[0])) {
            point.neg();
        }
        if (!point.mul(order()).is_infinity()) {
            return Optional.empty();
        }
        return Optional.of(point);
    }

    private static boolean hasPointFlags(byte first) {
        return (first & COMPRESSED) != 0 && (first & INFINITY) == 0;
    }

    private static boolean wantsLargestY(byte first) {
        return (first & LARGEST_Y) != 0;
    }

    private static BigInteger coordinate(byte[] encoded, int offset) {
        byte[] bytes = Arrays.copyOfRange(encoded, offset, offset + G1_BYTES);
        if (offset == 0) {
            bytes[0] &= 0x1f;
        }
        return new BigInteger(1, bytes);
    }

    private static boolean isLexicographicallyLargest(FP2 y) {
        BigInteger imaginary = bigInteger(y.getB());
        if (imaginary.signum() != 0) {
            return HashToG1.isLexicographicallyLargest(imaginary);
        }
        return HashToG1.isLexicographicallyLargest(bigInteger(y.getA()));
    }

    private static byte[] toFieldBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[G1_BYTES];
        int length = Math.min(raw.length, G1_BYTES);
        System.arraycopy(raw, raw.length - length, out, G1_BYTES - length, length);
        return out;
    }
}
