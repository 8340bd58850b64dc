package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.beacon.BeaconSignatures;
import cn.hlj.remoteeval.draw.internal.ChainVerification.Problem;
import cn.hlj.remoteeval.testsupport.ControllableClock;

/**
 * Seed derivation v2 on an in-memory chain: the notice comes first, the seed follows from the committed
 * server seed and entropy that did not exist at the notice, and the chain check names every way around it.
 */
class DrawNoticeUnitTest {

    private static final Instant NOTICE_TIME = Instant.parse("2032-03-01T01:00:00Z");

    private final ControllableClock clock = new ControllableClock();
    private final InMemoryDrawStore store = new InMemoryDrawStore();
    private final DrawChain chain = new DrawChain(store, new TestSalts(), clock);
    private final DrawNotices notices = TestEntropy.notices(chain, new TestSalts(), clock);
    private final VenueDrawAlgorithm algorithm = new VenueDrawAlgorithm();
    private final VenueDrawRequest request = new VenueDrawRequest(9, "HRB", VenueDrawAlgorithmUnitTest.SLOT,
            SeatPlanLimits.defaults());
    private final Map<String, Integer> free = VenueDrawAlgorithmUnitTest.uniform(6);

    {
        clock.set(NOTICE_TIME);
    }

    @Test
    void theNoticeIsInTheChainBeforeTheDrawAndTheDrawNamesIt() {
        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");
        DrawRecord record = draw("t-1", noticed, NOTICE_TIME.plusSeconds(1));

        assertThat(noticed.notice().seq()).isEqualTo(1);
        assertThat(noticed.notice().kind()).isEqualTo(DrawKind.NOTICE);
        assertThat(noticed.notice().request()).startsWith("drawKind=VENUE\nentropy.dev-beacon.chain=")
                .contains("entropy.sources=dev-beacon\n");
        assertThat(record.seq()).isEqualTo(2);
        assertThat(record.noticeId()).isEqualTo(noticed.notice().id());
        assertThat(verify()).isEqualTo(ChainVerification.intact(2, 0));
    }

    @Test
    void theSeedIsTheHmacOfTheServerSeedOverTheNoticeHashAndTheEntropy() throws Exception {
        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");
        DerivedSeed seed = notices.seedAfterSnapshot(noticed, NOTICE_TIME);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(noticed.serverSeed().bytes(), "HmacSHA256"));
        byte[] expected = mac.doFinal(("remote-eval/draw-seed/v2\n" + noticed.notice().recordHash() + "\n" + seed.entropy())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(seed.seed().hex()).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(seed.commitment()).isEqualTo(noticed.notice().seedCommitment());
    }

    @Test
    void aDrawRunTwiceOnOneCommitmentWithOtherEntropyGivesAnotherResultAndTheSecondIsFlagged() {
        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");
        DerivedSeed first = notices.seedAfterSnapshot(noticed, NOTICE_TIME);
        // The same notice and server seed, with the signature of a later round in place of the planned one.
        DerivedSeed second = withEntropy(first, otherRound(first.entropy()));

        String firstResult = algorithm.draw(first.stream(), request, free).canonical();
        String secondResult = algorithm.draw(second.stream(), request, free).canonical();
        append("t-1", first, firstResult);
        DrawRecord again = append("t-1", second, secondResult);

        assertThat(second.seed()).isNotEqualTo(first.seed());
        assertThat(secondResult).isNotEqualTo(firstResult);
        assertThat(verify()).extracting(ChainVerification::firstBrokenSeq, ChainVerification::problemCode)
                .containsExactly(again.seq(), Problem.NOTICE_REUSED);
    }

    @Test
    void aSecondNoticeWithTheSameCommitmentIsFlagged() {
        DrawSeed serverSeed = VenueDrawAlgorithmUnitTest.seed("server");
        DrawNotices sameSeedTwice = TestEntropy.notices(chain, () -> serverSeed, clock);
        sameSeedTwice.announce(DrawKind.VENUE, "t-1");
        Noticed second = sameSeedTwice.announce(DrawKind.VENUE, "t-1");

        assertThat(verify()).extracting(ChainVerification::firstBrokenSeq, ChainVerification::problemCode)
                .containsExactly(second.notice().seq(), Problem.NOTICE_REUSED);
    }

    @Test
    void aRecordWhoseCommitmentPostdatesItsSnapshotFails() {
        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");
        DrawRecord record = draw("t-1", noticed, NOTICE_TIME.minusSeconds(5));

        assertThat(verify()).extracting(ChainVerification::firstBrokenSeq, ChainVerification::problemCode)
                .containsExactly(record.seq(), Problem.COMMITMENT_AFTER_SNAPSHOT);
    }

    @Test
    void aForgedBeaconSignatureFails() {
        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");
        DerivedSeed honest = notices.seedAfterSnapshot(noticed, NOTICE_TIME);
        TreeMap<String, String> entries = new TreeMap<>(Canonical.decode(honest.entropy()));
        String signature = entries.get("dev-beacon.signature");
        // A well-formed point signed with another key: what someone without the beacon's key can make.
        byte[] forgersKey = new byte[32];
        forgersKey[31] = 7;
        entries.put("dev-beacon.signature", BeaconSignatures.sign(forgersKey, Long.parseLong(entries.get("dev-beacon.round"))));
        entries.put("dev-beacon.randomness", Hashes.hex(Hashes.sha256(Hashes.unhex(entries.get("dev-beacon.signature")))));
        DerivedSeed forged = withEntropy(honest, Canonical.encode(entries));
        DrawRecord record = append("t-1", forged, algorithm.draw(forged.stream(), request, free).canonical());

        assertThat(entries.get("dev-beacon.signature")).isNotEqualTo(signature);
        assertThat(verify()).extracting(ChainVerification::firstBrokenSeq, ChainVerification::problemCode)
                .containsExactly(record.seq(), Problem.ENTROPY_INVALID);
        assertThat(verify().problem()).contains("签名验证不通过");
    }

    @Test
    void entropyThatExistedWhenTheEligibleListWasReadFails() {
        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");
        long round = Long.parseLong(noticed.plans().get("dev-beacon").get("round"));
        Instant roundTime = EntropyConfiguration.devChain(TestEntropy.TEST_BEACON_KEY, 1577836800L, 3).timeOf(round);
        DerivedSeed seed = notices.seedAfterSnapshot(noticed, roundTime);
        DrawRecord record = append("t-1", seed, algorithm.draw(seed.stream(), request, free).canonical());

        assertThat(verify()).extracting(ChainVerification::firstBrokenSeq, ChainVerification::problemCode)
                .containsExactly(record.seq(), Problem.ENTROPY_INVALID);
    }

    @Test
    void aRandomDrawWithoutANoticeAfterTheFirstNoticeIsInvalid() {
        notices.announce(DrawKind.VENUE, "t-1");
        DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("no notice");
        DrawRecord record = chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.VENUE, "t-2",
                VenueDrawAlgorithm.ID, seed.commitment(), Canonical.encodeCounts(free), request.canonical(),
                algorithm.draw(seed.stream(), request, free).canonical(), "system"), seed);

        assertThat(verify()).extracting(ChainVerification::firstBrokenSeq, ChainVerification::problemCode)
                .containsExactly(record.seq(), Problem.NO_PRIOR_NOTICE);
    }

    @Test
    void aDrawNamingAnotherTendersNoticeIsFlagged() {
        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");
        DrawRecord record = draw("t-2", noticed, NOTICE_TIME);

        assertThat(verify()).extracting(ChainVerification::firstBrokenSeq, ChainVerification::problemCode)
                .containsExactly(record.seq(), Problem.NOTICE_MISMATCH);
    }

    @Test
    void aNoticeNoDrawUsedIsCountedWithoutBreakingTheChain() {
        notices.announce(DrawKind.VENUE, "t-1");
        Noticed used = notices.announce(DrawKind.VENUE, "t-1");
        draw("t-1", used, NOTICE_TIME);

        assertThat(verify()).isEqualTo(ChainVerification.intact(3, 1));
    }

    @Test
    void aNoticeIsRefusedInsideATransactionThatAlreadyHoldsTheChainHead() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("earlier");
            chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.NEGOTIATED_VENUES, "t-0", "negotiated-venues/v1",
                    null, "", "", "DQ=1\n", "system"), null);

            assertThatThrownBy(() -> notices.announce(DrawKind.VENUE, "t-1")).isInstanceOf(IllegalStateException.class);
            assertThat(seed).isNotNull();
        } finally {
            TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(0));
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(notices.announce(DrawKind.VENUE, "t-1").notice().kind()).isEqualTo(DrawKind.NOTICE);
    }

    @Test
    void aNoticeWaitsForABusyChainHeadWithoutWritingAnythingMeanwhile() {
        store.headBusyFor = 3;

        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");

        assertThat(store.headBusyFor).isZero();
        assertThat(store.all()).containsExactly(noticed.notice());
        assertThat(noticed.notice().seq()).isEqualTo(1);
    }

    @Test
    void theVerifierRerunsANoticedDrawAndRefusesChangedEntropy() {
        Noticed noticed = notices.announce(DrawKind.VENUE, "t-1");
        DrawRecord record = draw("t-1", noticed, NOTICE_TIME);
        DrawVerifier verifier = new DrawVerifier(new DrawAlgorithms(List.of(algorithm)));
        String serverSeed = noticed.serverSeed().hex();

        assertThat(verifier.verify(record, serverSeed).verified()).isTrue();
        DrawRecord changed = new DrawRecord(record.id(), record.seq(), record.kind(), record.tenderId(), record.algorithm(),
                record.seedCommitment(), record.eligibleList(), record.eligibleListHash(), record.request(), record.result(),
                record.actor(), record.createdAt(), record.previousHash(), record.recordHash(), record.noticeId(),
                record.noticeHash(), otherRound(record.entropy()), record.snapshotAt());
        assertThat(verifier.verify(changed, serverSeed).verified()).isFalse();
    }

    private DrawRecord draw(String tenderId, Noticed noticed, Instant snapshotAt) {
        DerivedSeed seed = notices.seedAfterSnapshot(noticed, snapshotAt);
        return append(tenderId, seed, algorithm.draw(seed.stream(), request, free).canonical());
    }

    /** Recorded when the draw ends, which is never before its eligible list was read. */
    private DrawRecord append(String tenderId, DerivedSeed seed, String result) {
        if (seed.snapshotAt().isAfter(clock.instant())) {
            clock.set(seed.snapshotAt());
        }
        return chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.VENUE, tenderId, VenueDrawAlgorithm.ID_V2,
                seed.commitment(), Canonical.encodeCounts(free), request.canonical(), result, "system").noticed(seed),
                seed.serverSeed());
    }

    private ChainVerification verify() {
        return ChainVerifier.verify(store.all(), store.allSecrets(), store.head(), TestEntropy.sources(clock));
    }

    /** The entropy text with the next round's genuine signature: valid on its own, not what the notice planned. */
    static String otherRound(String entropy) {
        TreeMap<String, String> entries = new TreeMap<>(Canonical.decode(entropy));
        long next = Long.parseLong(entries.get("dev-beacon.round")) + 1;
        String signature = BeaconSignatures.sign(TestEntropy.TEST_BEACON_KEY, next);
        entries.put("dev-beacon.round", Long.toString(next));
        entries.put("dev-beacon.signature", signature);
        entries.put("dev-beacon.randomness", Hashes.hex(Hashes.sha256(Hashes.unhex(signature))));
        return Canonical.encode(entries);
    }

    static DerivedSeed withEntropy(DerivedSeed seed, String entropy) {
        return new DerivedSeed(seed.serverSeed(), SeedDerivation.v2(seed.serverSeed(), seed.noticeHash(), entropy),
                seed.noticeId(), seed.noticeHash(), entropy, seed.snapshotAt());
    }
}
