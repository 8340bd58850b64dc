package cn.hlj.remoteeval.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.audit.AuditChainVerification;
import cn.hlj.remoteeval.audit.AuditChainVerification.Fault;

class AuditChainVerifierUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static List<SealedEntry> chainOf(int n) {
        List<SealedEntry> entries = new ArrayList<>();
        String previous = AuditHash.GENESIS;
        for (int i = 1; i <= n; i++) {
            SealedEntry entry = new SealedEntry(100 + i, i, previous, NOW.minusSeconds(60), "a", "b", "c", "d", null, null)
                    .withHash();
            entries.add(entry);
            previous = entry.entryHash();
        }
        return entries;
    }

    private static AuditChainHead headOf(List<SealedEntry> entries) {
        SealedEntry last = entries.get(entries.size() - 1);
        return new AuditChainHead(last.sealNo(), last.entryHash());
    }

    @Test
    void anEmptyChainWithTheSeededHeadIsIntact() {
        assertThat(AuditChainVerifier.verify(List.of(), new AuditChainHead(0, AuditHash.GENESIS), 0, null, NOW))
                .isEqualTo(new AuditChainVerification(0, true, null, null, null, 0, null));
    }

    @Test
    void aHeadThatNamesMoreThanTheLastEntryShowsADeletedLastEntry() {
        List<SealedEntry> entries = chainOf(3);
        AuditChainHead head = headOf(entries);
        assertThat(AuditChainVerifier.verify(entries.subList(0, 2), head, 0, null, NOW))
                .extracting(AuditChainVerification::firstBrokenSealNo, AuditChainVerification::fault)
                .containsExactly(3L, Fault.HEAD_MISMATCH);
    }

    @Test
    void aChainNotStartingAtOneHasAGapAtOne() {
        List<SealedEntry> entries = chainOf(3);
        assertThat(AuditChainVerifier.verify(entries.subList(1, 3), headOf(entries), 0, null, NOW))
                .extracting(AuditChainVerification::firstBrokenSealNo, AuditChainVerification::fault)
                .containsExactly(1L, Fault.GAP);
    }

    @Test
    void anEntryLeftUnsealedLongerThanTheLimitMeansTheSealerIsNotRunning() {
        List<SealedEntry> entries = chainOf(2);
        AuditChainVerification late = AuditChainVerifier.verify(entries, headOf(entries), 4,
                NOW.minus(AuditChainVerifier.UNSEALED_LIMIT).minusSeconds(1), NOW);
        assertThat(late).extracting(AuditChainVerification::intact, AuditChainVerification::fault,
                AuditChainVerification::unsealed, AuditChainVerification::oldestUnsealedAgeSeconds)
                .containsExactly(false, Fault.UNSEALED_TOO_LONG, 4L, 601L);

        AuditChainVerification recent = AuditChainVerifier.verify(entries, headOf(entries), 1, NOW.minusSeconds(30), NOW);
        assertThat(recent).extracting(AuditChainVerification::intact, AuditChainVerification::sealed,
                AuditChainVerification::oldestUnsealedAgeSeconds).containsExactly(true, 2L, 30L);
    }

    @Test
    void aChangedEntryIsAHashMismatchAtItsSealNumberAndARehashedOneABrokenLinkAtTheNext() {
        List<SealedEntry> entries = new ArrayList<>(chainOf(4));
        AuditChainHead head = headOf(entries);
        SealedEntry second = entries.get(1);
        SealedEntry changed = new SealedEntry(second.id(), second.sealNo(), second.prevHash(), second.occurredAt(),
                second.actor(), second.action(), second.subjectType(), second.subjectId(), "forged", second.entryHash());

        entries.set(1, changed);
        assertThat(AuditChainVerifier.verify(entries, head, 0, null, NOW))
                .extracting(AuditChainVerification::intact, AuditChainVerification::firstBrokenSealNo,
                        AuditChainVerification::fault)
                .containsExactly(false, 2L, Fault.HASH_MISMATCH);

        entries.set(1, changed.withHash());
        assertThat(AuditChainVerifier.verify(entries, head, 0, null, NOW))
                .extracting(AuditChainVerification::firstBrokenSealNo, AuditChainVerification::fault)
                .containsExactly(3L, Fault.BROKEN_LINK);
    }

    @Test
    void aDeletedEntryInTheMiddleIsAGapAtItsSealNumber() {
        List<SealedEntry> entries = new ArrayList<>(chainOf(4));
        AuditChainHead head = headOf(entries);
        entries.remove(2);
        assertThat(AuditChainVerifier.verify(entries, head, 0, null, NOW))
                .extracting(AuditChainVerification::firstBrokenSealNo, AuditChainVerification::fault)
                .containsExactly(3L, Fault.GAP);
    }
}
