package cn.hlj.remoteeval.draw.internal;

/**
 * Seed derivation v2 ({@code src/docs/algorithms/seed-derivation-v2.md}): the seed a noticed draw runs on is
 * {@code HMAC-SHA256(server seed, UTF8("remote-eval/draw-seed/v2\n" + notice hash + "\n" + entropy text))}. The
 * server seed was committed in the notice before the entropy existed, and the entropy is public, so neither
 * the server nor whoever supplied the entropy could pick the result.
 */
final class SeedDerivation {

    static final String LABEL = "remote-eval/draw-seed/v2";

    private SeedDerivation() {
    }

    static DrawSeed v2(DrawSeed serverSeed, String noticeHash, String entropyText) {
        return DrawSeed.fromHex(Hashes.hmacSha256Hex(serverSeed.bytes(), LABEL + "\n" + noticeHash + "\n" + entropyText));
    }
}
