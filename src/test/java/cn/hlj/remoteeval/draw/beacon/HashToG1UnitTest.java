package cn.hlj.remoteeval.draw.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Test vectors of RFC 9380: appendix K.1 for expand_message_xmd(SHA-256) and appendix J.9.1 for the suite
 * BLS12381G1_XMD:SHA-256_SSWU_RO_, every intermediate value included so a wrong step is named by the failing line.
 * Transcribed from the draft source in github.com/cfrg/draft-irtf-cfrg-hash-to-curve (draft-irtf-cfrg-hash-to-curve.md).
 */
class HashToG1UnitTest {

    private static final byte[] EXPANDER_DST = ascii("QUUX-V01-CS02-with-expander");
    private static final byte[] SUITE_DST = ascii("QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_");

    @ParameterizedTest
    @CsvSource({
        "'', 32, f659819a6473c1835b25ea59e3d38914c98b374f0970b7e4c92181df928fca88",
        "abc, 32, 1c38f7c211ef233367b2420d04798fa4698080a8901021a795a1151775fe4da7",
        "abcdef0123456789, 32, 8f7e7b66791f0da0dbb5ec7c22ec637f79758c0a48170bfb7c4611bd304ece89",
        "a512, 32, 3b8e704fc48336aca4c2a12195b720882f2162a4b7b13a9c350db46f429b771b",
        "'', 128, 8bcffd1a3cae24cf9cd7ab85628fd111bb17e3739d3b53f89580d217aa79526f1708354a76a402d3569d6a9d19ef3de4"
            + "d0b991e4f54b9f20dcde9b95a66824cbdf6c1a963a1913d43fd7ac443a02fc5d9d8d77e2071b86ab114a9f34150954a7531da568"
            + "a1ea8c760861c0cde2005afc2c114042ee7b5848f5303f0611cf297f",
        "abc, 128, fe994ec51bdaa821598047b3121c149b364b178606d5e72bfbb713933acc29c186f316baecf7ea22212f2496ef3f785a"
            + "27e84a40d8b299cec56032763eceeff4c61bd1fe65ed81decafff4a31d0198619c0aa0c6c51fca15520789925e813dcfd318b542"
            + "f8799441271f4db9ee3b8092a7a2e8d5b75b73e28fb1ab6b4573c192",
        "abcdef0123456789, 128, c9ec7941811b1e19ce98e21db28d22259354d4d0643e301175e2f474e030d32694e9dd5520dde93f36"
            + "00d8edad94e5c364903088a7228cc9eff685d7eaac50d5a5a8229d083b51de4ccc3733917f4b9535a819b445814890b7029b5de8"
            + "05bf62b33a4dc7e24acdf2c924e9fe50d55a6b832c8c84c7f82474b34e48c6d43867be",
        "a512, 128, 396962db47f749ec3b5042ce2452b619607f27fd3939ece2746a7614fb83a1d097f554df3927b084e55de92c7871430d"
            + "6b95c2a13896d8a33bc48587b1f66d21b128a1a8240d5b0c26dfe795a1a842a0807bb148b77c2ef82ed4b6c9f7fcb732e7f94466"
            + "c8b51e52bf378fba044a31f5cb44583a892f5969dcd73b3fa128816e",
    })
    void expandMessageXmdMatchesRfc9380AppendixK1(String msg, int lenInBytes, String uniformBytes) {
        assertThat(HexFormat.of().formatHex(HashToG1.expandMessageXmd(message(msg), EXPANDER_DST, lenInBytes)))
                .isEqualTo(uniformBytes);
    }

    @ParameterizedTest
    @CsvSource({
        "'',"
            + "0ba14bd907ad64a016293ee7c2d276b8eae71f25a4b941eece7b0d89f17f75cb3ae5438a614fb61d6835ad59f29c564f,"
            + "019b9bd7979f12657976de2884c7cce192b82c177c80e0ec604436a7f538d231552f0d96d9f7babe5fa3b19b3ff25ac9,"
            + "11a3cce7e1d90975990066b2f2643b9540fa40d6137780df4e753a8054d07580db3b7f1f03396333d4a359d1fe3766fe,"
            + "0eeaf6d794e479e270da10fdaf768db4c96b650a74518fc67b04b03927754bac66f3ac720404f339ecdcc028afa091b7,"
            + "160003aaf1632b13396dbad518effa00fff532f604de1a7fc2082ff4cb0afa2d63b2c32da1bef2bf6c5ca62dc6b72f9c,"
            + "0d8bb2d14e20cf9f6036152ed386d79189415b6d015a20133acb4e019139b94e9c146aaad5817f866c95d609a361735e,"
            + "052926add2207b76ca4fa57a8734416c8dc95e24501772c814278700eed6d1e4e8cf62d9c09db0fac349612b759e79a1,"
            + "08ba738453bfed09cb546dbb0783dbb3a5f1f566ed67bb6be0e8c67e2e81a4cc68ee29813bb7994998f3eae0c9c6a265",
        "abc,"
            + "0d921c33f2bad966478a03ca35d05719bdf92d347557ea166e5bba579eea9b83e9afa5c088573c2281410369fbd32951,"
            + "003574a00b109ada2f26a37a91f9d1e740dffd8d69ec0c35e1e9f4652c7dba61123e9dd2e76c655d956e2b3462611139,"
            + "125435adce8e1cbd1c803e7123f45392dc6e326d292499c2c45c5865985fd74fe8f042ecdeeec5ecac80680d04317d80,"
            + "0e8828948c989126595ee30e4f7c931cbd6f4570735624fd25aef2fa41d3f79cfb4b4ee7b7e55a8ce013af2a5ba20bf2,"
            + "11def93719829ecda3b46aa8c31fc3ac9c34b428982b898369608e4f042babee6c77ab9218aad5c87ba785481eff8ae4,"
            + "0007c9cef122ccf2efd233d6eb9bfc680aa276652b0661f4f820a653cec1db7ff69899f8e52b8e92b025a12c822a6ce6,"
            + "03567bc5ef9c690c2ab2ecdf6a96ef1c139cc0b2f284dca0a9a7943388a49a3aee664ba5379a7655d3c68900be2f6903,"
            + "0b9c15f3fe6e5cf4211f346271d7b01c8f3b28be689c8429c85b67af215533311f0b8dfaaa154fa6b88176c229f2885d",
        "abcdef0123456789,"
            + "062d1865eb80ebfa73dcfc45db1ad4266b9f3a93219976a3790ab8d52d3e5f1e62f3b01795e36834b17b70e7b76246d4,"
            + "0cdc3e2f271f29c4ff75020857ce6c5d36008c9b48385ea2f2bf6f96f428a3deb798aa033cd482d1cdc8b30178b08e3a,"
            + "08834484878c217682f6d09a4b51444802fdba3d7f2df9903a0ddadb92130ebbfa807fffa0eabf257d7b48272410afff,"
            + "0b318f7ecf77f45a0f038e62d7098221d2dbbca2a394164e2e3fe953dc714ac2cde412d8f2d7f0c03b259e6795a2508e,"
            + "158418ed6b27e2549f05531a8281b5822b31c3bf3144277fbb977f8d6e2694fedceb7011b3c2b192f23e2a44b2bd106e,"
            + "1879074f344471fac5f839e2b4920789643c075792bec5af4282c73f7941cda5aa77b00085eb10e206171b9787c4169f,"
            + "11e0b079dea29a68f0383ee94fed1b940995272407e3bb916bbf268c263ddd57a6a27200a784cbc248e84f357ce82d98,"
            + "03a87ae2caf14e8ee52e51fa2ed8eefe80f02457004ba4d486d6aa1f517c0889501dc7413753f9599b099ebcbbd2d709",
        "a512,"
            + "0a8ffa7447f6be1c5a2ea4b959c9454b431e29ccc0802bc052413a9c5b4f9aac67a93431bd480d15be1e057c8a08e8c6,"
            + "05d487032f602c90fa7625dbafe0f4a49ef4a6b0b33d7bb349ff4cf5410d297fd6241876e3e77b651cfc8191e40a68b7,"
            + "0cf97e6dbd0947857f3e578231d07b309c622ade08f2c08b32ff372bd90db19467b2563cc997d4407968d4ac80e154f8,"
            + "127f0cddf2613058101a5701f4cb9d0861fd6c2a1b8e0afe194fccf586a3201a53874a2761a9ab6d7220c68661a35ab3,"
            + "092f1acfa62b05f95884c6791fba989bbe58044ee6355d100973bf9553ade52b47929264e6ae770fb264582d8dce512a,"
            + "028e6d0169a72cfedb737be45db6c401d3adfb12c58c619c82b93a5dfcccef12290de530b0480575ddc8397cda0bbebf,"
            + "082aabae8b7dedb0e78aeb619ad3bfd9277a2f77ba7fad20ef6aabdc6c31d19ba5a6d12283553294c1825c4b3ca2dcfe,"
            + "05b84ae5a942248eea39e1d91030458c40153f3b654ab7872d779ad1e942856a20c438e8d99bc8abfbf74729ce1f7ac8",
    })
    void hashToCurveMatchesRfc9380AppendixJ91(String msg, String u0, String u1, String q0x, String q0y, String q1x,
            String q1y, String px, String py) {
        BigInteger[] u = HashToG1.hashToField(message(msg), SUITE_DST, 2);
        assertThat(u).as("u").containsExactly(hex(u0), hex(u1));

        assertThat(HashToG1.mapToCurve(u[0])).as("Q0").isEqualTo(new HashToG1.Affine(hex(q0x), hex(q0y)));
        assertThat(HashToG1.mapToCurve(u[1])).as("Q1").isEqualTo(new HashToG1.Affine(hex(q1x), hex(q1y)));

        assertThat(Bls12381.affine(HashToG1.hashToCurve(message(msg), SUITE_DST)))
                .as("P").isEqualTo(new HashToG1.Affine(hex(px), hex(py)));
    }

    /** The message of quicknet round 20791007 and its point on G1 as github.com/randa-mu/bls-solidity's test data gives it. */
    @Test
    void hashesADrandRoundLikeAnotherImplementation() {
        byte[] message = BeaconSignatures.messageOf(20791007L);
        assertThat(HexFormat.of().formatHex(message))
                .isEqualTo("eb26460c7495053b531c3d007789953c47874f3380635090554e0f68619bbbeb");

        assertThat(Bls12381.affine(HashToG1.hashToCurve(message, ascii(BeaconSignatures.DST)))).isEqualTo(
                new HashToG1.Affine(
                        hex("17d2ccf27b4a3e2a3f58f0c09eb4b28137d1d1beb5c37628bec43f645dcbc58d86f482b7f6b2bd5ebd53f7f7361d7855"),
                        hex("0c0ac30904f6d5a300f034d9a6200d008e451c13dc50443a0667755a4a61e10a51edc491d7cd96bdc6c33415213107a5")));
    }

    /** The vectors name the long message by its prefix: "a512_" then 512 times 'a'. */
    private static byte[] message(String name) {
        return ascii("a512".equals(name) ? "a512_" + "a".repeat(512) : name);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static BigInteger hex(String digits) {
        return new BigInteger(digits, 16);
    }
}
