package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.internal.ChainVerification.Problem;

/** The hash chain on an in-memory store: appends link up, and every kind of tampering is found at its place. */
class DrawChainUnitTest {

    private final InMemoryDrawStore store = new InMemoryDrawStore();
    private final DrawChain chain = new DrawChain(store, new TestSalts(),
            Clock.fixed(Instant.parse("2031-06-01T02:03:04.567891Z"), ZoneOffset.UTC));

    @BeforeEach
    void fiveRecords() {
        for (int i = 1; i <= 5; i++) {
            DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("chain " + i);
            chain.append(draw("t-" + i, seed.commitment(), "DQ=" + i + "\nHRB=3\n", "DQ=2\nHRB=1\nMDJ=2\n"), seed);
        }
    }

    @Test
    void appendsInSequenceEachRecordCarryingThePreviousHash() {
        List<DrawRecord> records = store.all();

        assertThat(records).extracting(DrawRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records.get(0).previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).previousHash()).isEqualTo(records.get(i - 1).recordHash());
        }
        assertThat(store.head()).isEqualTo(new ChainHead(5, records.get(4).recordHash()));
        assertThat(store.headLocks).isEqualTo(5);
        assertThat(records.get(0).createdAt()).isEqualTo(Instant.parse("2031-06-01T02:03:04Z"));
        assertThat(ChainVerifier.verify(records, store.allSecrets(), store.head(), TestEntropy.sources(java.time.Clock.systemUTC()))).isEqualTo(ChainVerification.intact(5, 0));
    }

    @Test
    void theRecordHashIsThePublishedCanonicalText() {
        DrawRecord record = store.bySeq(2);
        String text = "actor=system\n"
                + "algorithm=venue-draw/v1\n"
                + "createdAt=2031-06-01T02:03:04Z\n"
                + "eligibleListHash=" + Hashes.sha256Hex(record.eligibleList()) + "\n"
                + "id=" + record.id() + "\n"
                + "kind=VENUE\n"
                + "previousHash=" + store.bySeq(1).recordHash() + "\n"
                + "requestHash=" + Hashes.sha256Hex(record.request()) + "\n"
                + "resultHmac=" + hmac(VenueDrawAlgorithmUnitTest.seed("chain 2").hex(), record.result()) + "\n"
                + "seedCommitment=" + record.seedCommitment() + "\n"
                + "seq=2\n"
                + "tenderId=t-2\n";

        assertThat(record.recordHash()).isEqualTo(Hashes.sha256Hex(text));
    }

    @Test
    void storesTheSeedApartUnrevealed() {
        DrawRecord record = store.bySeq(3);

        assertThat(store.seedOf(record.id())).hasValue(new SeedState(VenueDrawAlgorithmUnitTest.seed("chain 3").hex(), null));
    }

    @Test
    void refusesASeedThatDoesNotMatchTheCommitment() {
        DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("one");
        DrawSeed other = VenueDrawAlgorithmUnitTest.seed("other");

        assertThatThrownBy(() -> chain.append(draw("t-x", seed.commitment(), "", "NO_RANDOM_PICK"), other))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> chain.append(draw("t-x", null, "", "NO_RANDOM_PICK"), other))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.all()).hasSize(5);
    }

    @Test
    void appendsARecordWithoutSeedForNegotiatedVenues() {
        DrawRecord record = chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.NEGOTIATED_VENUES, "t-6",
                NegotiatedVenueRecords.ALGORITHM, null, "DQ=4\n", "committeeSize=5\n", "DQ=2\n", "staff-hrb"), null);

        assertThat(record.seq()).isEqualTo(6);
        assertThat(store.seedOf(record.id()).orElseThrow().seedHex()).hasSize(64);
        assertThat(record.seedCommitment()).isNull();
        assertThat(ChainVerifier.verify(store.all(), store.allSecrets(), store.head(), TestEntropy.sources(java.time.Clock.systemUTC())).intact()).isTrue();
    }

    @Test
    void findsAChangedResult() {
        store.tamper(3, r -> new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                r.eligibleList(), r.eligibleListHash(), r.request(), "DQ=2\nHRB=1\nSH=2\n", r.actor(), r.createdAt(),
                r.previousHash(), r.recordHash()));

        assertBroken(3, Problem.RECORD_CHANGED);
    }

    @Test
    void findsAChangedEligibleList() {
        store.tamper(2, r -> new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                "DQ=0\nHRB=3\n", r.eligibleListHash(), r.request(), r.result(), r.actor(), r.createdAt(), r.previousHash(),
                r.recordHash()));

        assertBroken(2, Problem.ELIGIBLE_LIST_CHANGED);
    }

    @Test
    void findsARecordRewrittenWithFreshHashesAtTheNextLink() {
        store.tamper(2, r -> {
            String list = "DQ=0\nHRB=3\n";
            DrawRecord rewritten = new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(),
                    r.seedCommitment(), list, Hashes.sha256Hex(list), r.request(), r.result(), r.actor(), r.createdAt(),
                    r.previousHash(), null);
            return rewritten.withRecordHash(rewritten.computeRecordHash(DrawSeed.fromHex(secretOf(r))));
        });

        assertBroken(3, Problem.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void findsADeletedMiddleRecord() {
        store.delete(3);

        assertBroken(3, Problem.RECORD_MISSING);
    }

    @Test
    void findsADeletedFirstRecord() {
        store.delete(1);

        assertBroken(1, Problem.RECORD_MISSING);
    }

    @Test
    void findsADeletedLastRecordThroughTheHead() {
        store.delete(5);

        assertBroken(5, Problem.HEAD_MISMATCH);
    }

    @Test
    void findsARecordAddedAroundTheAppender() {
        DrawRecord last = store.bySeq(5);
        DrawSeed salt = VenueDrawAlgorithmUnitTest.seed("rogue");
        DrawRecord rogue = DrawRecord.seal(draw("t-rogue", null, "", "DQ=1\n"), 6, last.recordHash(),
                Instant.parse("2031-06-02T00:00:00Z"), salt);
        store.insertBehindTheHeadsBack(rogue);
        store.insertSecret(rogue.id(), salt.hex());

        assertBroken(6, Problem.HEAD_MISMATCH);
    }

    @Test
    void findsAChangedSequenceNumber() {
        store.tamper(4, r -> new DrawRecord(r.id(), 7, r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                r.eligibleList(), r.eligibleListHash(), r.request(), r.result(), r.actor(), r.createdAt(), r.previousHash(),
                r.recordHash()));

        assertBroken(4, Problem.RECORD_MISSING);
    }

    @Test
    void anEmptyChainWithTheSeededHeadIsIntact() {
        assertThat(ChainVerifier.verify(List.of(), java.util.Map.of(), ChainHead.EMPTY, TestEntropy.sources(java.time.Clock.systemUTC()))).isEqualTo(ChainVerification.intact(0, 0));
    }

    private void assertBroken(long seq, Problem problem) {
        ChainVerification verification = ChainVerifier.verify(store.all(), store.allSecrets(), store.head(), TestEntropy.sources(java.time.Clock.systemUTC()));

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(seq);
        assertThat(verification.problemCode()).isEqualTo(problem);
        assertThat(verification.problem()).contains(String.valueOf(seq));
    }

    @Test
    void theRecordHashCannotBeMatchedByTryingResultsWithoutTheSecret() {
        DrawRecord record = store.bySeq(2);
        DrawSeed wrongSecret = VenueDrawAlgorithmUnitTest.seed("guess");

        assertThat(record.computeRecordHash(VenueDrawAlgorithmUnitTest.seed("chain 2"))).isEqualTo(record.recordHash());
        assertThat(record.computeRecordHash(wrongSecret)).isNotEqualTo(record.recordHash());
    }

    @Test
    void findsAChangedSeed() {
        store.tamperSecret(4, VenueDrawAlgorithmUnitTest.seed("forged").hex());

        assertBroken(4, Problem.SECRET_CHANGED);
    }

    @Test
    void findsADeletedSeed() {
        store.tamperSecret(2, null);

        assertBroken(2, Problem.SECRET_CHANGED);
    }

    @Test
    void findsAChangedSaltOfARecordWithoutSeed() {
        chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.NEGOTIATED_VENUES, "t-6",
                NegotiatedVenueRecords.ALGORITHM, null, "DQ=4\n", "committeeSize=5\n", "DQ=2\n", "staff-hrb"), null);
        store.tamperSecret(6, VenueDrawAlgorithmUnitTest.seed("other salt").hex());

        assertBroken(6, Problem.RECORD_CHANGED);
    }

    private String secretOf(DrawRecord record) {
        return store.seedOf(record.id()).orElseThrow().seedHex();
    }

    private static String hmac(String keyHex, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.HexFormat.of().parseHex(keyHex), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static NewDraw draw(String tenderId, String commitment, String eligible, String result) {
        return new NewDraw(UUID.randomUUID().toString(), DrawKind.VENUE, tenderId, VenueDrawAlgorithm.ID, commitment,
                eligible, VenueDrawAlgorithmUnitTest.request(5, "HRB").canonical(), result, "system");
    }
}
