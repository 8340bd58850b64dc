package cn.hlj.remoteeval.draw.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Predicate;

import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.apache.milagro.amcl.BLS381.FP2;
import org.junit.jupiter.api.Test;

/**
 * Real quicknet rounds, from public sources: round 123 from drand-verify's documentation; round 657413 and its
 * randomness from github.com/mcdcam/python-drand-verify's README; round 20791007 from github.com/randa-mu/bls-solidity's
 * test/data/drand_quicknet.json, which gives the signature uncompressed (x = 0d2c8bbc…, y below (p - 1) / 2, so the
 * compressed form only adds the 0x80 flag).
 */
class BeaconSignaturesUnitTest {

    private static final BeaconRound ROUND_123 = new BeaconRound(123,
            "b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae486d591aa9d43765482e26cd02df835d3546d23c4b13e0dfc92");
    private static final BeaconRound ROUND_657413 = new BeaconRound(657413,
            "b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b");
    private static final BeaconRound ROUND_20791007 = new BeaconRound(20791007,
            "8d2c8bbc37170dbacc5e280a21d4e195cff5f32a19fd6a58633fa4e4670478b5fb39bc13dd8f8c4372c5a76191198ac5");

    private static final byte[] DEV_KEY = HexFormat.of()
            .parseHex("263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3");
    private static final byte[] OTHER_KEY = HexFormat.of()
            .parseHex("47b8192d77bf871b62e87859d653922725724a5c031afeabc60bcef5ff665138");

    private static final String G1_GENERATOR =
            "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";

    @Test
    void realQuicknetRoundsVerify() {
        assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, ROUND_123)).isTrue();
        assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, ROUND_657413)).isTrue();
        assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, ROUND_20791007)).isTrue();
    }

    @Test
    void randomnessIsTheHashOfTheSignatureAsDrandPublishesIt() {
        assertThat(ROUND_123.randomness()).isEqualTo("fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc");
        assertThat(ROUND_657413.randomness()).isEqualTo("fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587");
        assertThatThrownBy(() -> new BeaconRound(1, "zz").randomness()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignatureWithOneBitFlippedFails() {
        byte[] signature = HexFormat.of().parseHex(ROUND_123.signatureHex());
        for (int bit : new int[] {0, 7, 200, 383}) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, new BeaconRound(123, HexFormat.of().formatHex(flipped))))
                    .as("bit %d", bit).isFalse();
        }
    }

    @Test
    void anotherRoundsSignatureFails() {
        assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, new BeaconRound(124, ROUND_123.signatureHex()))).isFalse();
        assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, new BeaconRound(123, ROUND_657413.signatureHex()))).isFalse();
    }

    @Test
    void aValidPointThatIsNotTheSignatureFails() {
        assertThat(Bls12381.decodeG1(HexFormat.of().parseHex(G1_GENERATOR))).as("a point of G1").isPresent();
        assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, new BeaconRound(123, G1_GENERATOR))).isFalse();
    }

    @Test
    void theDevelopmentBeaconsSignaturesVerifyUnderItsKeyOnly() {
        DrandChain dev = devChain(BeaconSignatures.publicKeyOf(DEV_KEY));
        BeaconRound signed = new BeaconRound(42, BeaconSignatures.sign(DEV_KEY, 42));

        assertThat(signed.signatureHex()).hasSize(96);
        assertThat(BeaconSignatures.verify(dev, signed)).isTrue();
        assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, signed)).as("drand's key").isFalse();
        assertThat(BeaconSignatures.verify(dev, new BeaconRound(42, BeaconSignatures.sign(OTHER_KEY, 42))))
                .as("another key's signature").isFalse();
        assertThat(BeaconSignatures.verify(dev, new BeaconRound(43, signed.signatureHex()))).as("another round").isFalse();
    }

    @Test
    void keysAndSignaturesSurviveTheirEncoding() {
        String publicKey = BeaconSignatures.publicKeyOf(DEV_KEY);
        assertThat(publicKey).hasSize(192);
        assertThat(HexFormat.of().formatHex(Bls12381.encodeG2(Bls12381.decodeG2(HexFormat.of().parseHex(publicKey)).orElseThrow())))
                .isEqualTo(publicKey);
        assertThat(HexFormat.of().formatHex(Bls12381.encodeG2(
                Bls12381.decodeG2(HexFormat.of().parseHex(DrandChain.QUICKNET.publicKey())).orElseThrow())))
                .isEqualTo(DrandChain.QUICKNET.publicKey());
        assertThat(HexFormat.of().formatHex(Bls12381.encodeG1(
                Bls12381.decodeG1(HexFormat.of().parseHex(ROUND_657413.signatureHex())).orElseThrow())))
                .isEqualTo(ROUND_657413.signatureHex());
    }

    /** bls-solidity's test data gives quicknet's key uncompressed; its y must be the root our decoding picks. */
    @Test
    void quicknetsKeyDecompressesToThePublishedPoint() {
        ECP2 key = Bls12381.decodeG2(HexFormat.of().parseHex(DrandChain.QUICKNET.publicKey())).orElseThrow();
        key.affine();
        FP2 y = key.getY();
        assertThat(Bls12381.bigInteger(y.getB())).isEqualTo(new BigInteger(
                "01a714f2edb74119a2f2b0d5a7c75ba902d163700a61bc224ededd8e63aef7be1aaf8e93d7a9718b047ccddb3eb5d68b", 16));
        assertThat(Bls12381.bigInteger(y.getA())).isEqualTo(new BigInteger(
                "0e5db2b6bfbb01c867749cadffca88b36c24f3012ba09fc4d3022c5c37dce0f977d3adb5d183c7477c442b1f04515273", 16));
    }

    @Test
    void malformedSignaturesAreRefusedWithoutAnException() {
        String good = ROUND_123.signatureHex();
        String[] malformed = {
            "",
            "not hex",
            good.substring(2),
            good + "00",
            "0" + good.substring(1),                       // no compression flag
            "c0" + "00".repeat(47),                        // the identity
            "e0" + "00".repeat(47),                        // the identity with a sign bit
            "9a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", // x = p
            ROUND_123.signatureHex().toUpperCase().replace('B', 'G'),
        };
        for (String signature : malformed) {
            assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, new BeaconRound(123, signature))).as(signature).isFalse();
        }
        Random random = new Random(20231016);
        for (int i = 0; i < 100; i++) {
            byte[] noise = new byte[48];
            random.nextBytes(noise);
            noise[0] = (byte) (noise[0] | 0x80);
            String signature = HexFormat.of().formatHex(noise);
            assertThat(BeaconSignatures.verify(DrandChain.QUICKNET, new BeaconRound(123, signature))).as(signature).isFalse();
        }
    }

    @Test
    void decodingRefusesPointsOffTheCurveAndOutsideTheSubgroup() {
        assertThat(Bls12381.decodeG1(compressedG1(BigInteger.ZERO))).as("x = 0: 4 is a square, but of order 3").isEmpty();
        BigInteger offCurve = firstX(x -> new ECP(Bls12381.big(x)).is_infinity());
        assertThat(Bls12381.decodeG1(compressedG1(offCurve))).as("no point over x").isEmpty();
        BigInteger outsideSubgroup = firstX(x -> !new ECP(Bls12381.big(x)).is_infinity());
        assertThat(Bls12381.decodeG1(compressedG1(outsideSubgroup))).as("on the curve, outside G1").isEmpty();

        BigInteger twistOutsideSubgroup = firstX(x -> !new ECP2(new FP2(Bls12381.big(x))).is_infinity());
        byte[] twistPoint = new byte[96];
        System.arraycopy(compressedG1(twistOutsideSubgroup), 0, twistPoint, 48, 48);
        twistPoint[48] &= 0x1f;
        twistPoint[0] = (byte) 0x80;
        assertThat(Bls12381.decodeG2(twistPoint)).as("on the twist, outside G2").isEmpty();

        byte[] key = HexFormat.of().parseHex(DrandChain.QUICKNET.publicKey());
        key[95] ^= 1;
        assertThat(Bls12381.decodeG2(key)).as("a key with one bit changed").isEmpty();
        assertThat(BeaconSignatures.verify(devChain(HexFormat.of().formatHex(key)), ROUND_123)).isFalse();
    }

    @Test
    void aSecretKeyMustBeAScalarOfTheGroup() {
        assertThatThrownBy(() -> BeaconSignatures.sign(new byte[32], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BeaconSignatures.sign(new byte[31], 1)).isInstanceOf(IllegalArgumentException.class);
        byte[] order = Bls12381.bigInteger(Bls12381.order()).toByteArray();
        assertThatThrownBy(() -> BeaconSignatures.publicKeyOf(order)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DrandChain devChain(String publicKey) {
        return new DrandChain("00".repeat(32), publicKey, 1_700_000_000L, 3, DrandChain.UNCHAINED_G1_RFC9380);
    }

    private static byte[] compressedG1(BigInteger x) {
        byte[] out = new byte[48];
        byte[] raw = x.toByteArray();
        int length = Math.min(raw.length, 48);
        System.arraycopy(raw, raw.length - length, out, 48 - length, length);
        out[0] |= (byte) 0x80;
        return out;
    }

    private static BigInteger firstX(Predicate<BigInteger> wanted) {
        for (int x = 1; ; x++) {
            if (wanted.test(BigInteger.valueOf(x))) {
                return BigInteger.valueOf(x);
            }
        }
    }
}
