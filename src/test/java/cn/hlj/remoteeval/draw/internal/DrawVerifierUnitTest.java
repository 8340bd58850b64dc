package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.draw.DrawKind;

/** Recomputing a revealed draw from nothing but its record and seed. */
class DrawVerifierUnitTest {

    private final InMemoryDrawStore store = new InMemoryDrawStore();
    private final DrawChain chain = new DrawChain(store, new TestSalts(),
            Clock.fixed(Instant.parse("2031-06-01T02:03:04Z"), ZoneOffset.UTC));
    private final VenueDrawAlgorithm algorithm = new VenueDrawAlgorithm();
    private final DrawVerifier verifier = new DrawVerifier(new DrawAlgorithms(List.of(algorithm)));

    @Test
    void confirmsAGenuineDraw() {
        DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("genuine");
        DrawRecord record = venueDraw(seed, VenueDrawAlgorithmUnitTest.uniform(8));

        DrawVerification verification = verifier.verify(record, seed.hex());

        assertThat(verification).isEqualTo(new DrawVerification(record.id(), true, true, record.result(), record.result(),
                true, true, true));
        assertThat(record.result()).isNotEqualTo("NO_RANDOM_PICK");
    }

    @Test
    void confirmsAJustifiedFallback() {
        DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("fallback");
        DrawRecord record = venueDraw(seed, VenueDrawAlgorithmUnitTest.uniform(0));

        DrawVerification verification = verifier.verify(record, seed.hex());

        assertThat(verification.recomputedResult()).isEqualTo("NO_RANDOM_PICK");
        assertThat(verification.verified()).isTrue();
    }

    @Test
    void aSeedOtherThanTheCommittedOneFails() {
        DrawRecord record = venueDraw(VenueDrawAlgorithmUnitTest.seed("committed"), VenueDrawAlgorithmUnitTest.uniform(8));

        DrawVerification verification = verifier.verify(record, VenueDrawAlgorithmUnitTest.seed("swapped").hex());

        assertThat(verification.seedMatchesCommitment()).isFalse();
        assertThat(verification.verified()).isFalse();
        assertThat(verifier.verify(record, "not hex").verified()).isFalse();
    }

    @Test
    void aResultThatTheAlgorithmDoesNotGiveFails() {
        DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("changed result");
        DrawRecord genuine = venueDraw(seed, VenueDrawAlgorithmUnitTest.uniform(8));
        DrawRecord changed = new DrawRecord(genuine.id(), genuine.seq(), genuine.kind(), genuine.tenderId(),
                genuine.algorithm(), genuine.seedCommitment(), genuine.eligibleList(), genuine.eligibleListHash(),
                genuine.request(), "DQ=3\nHRB=2\nSH=2\n", genuine.actor(), genuine.createdAt(), genuine.previousHash(),
                genuine.recordHash());

        DrawVerification verification = verifier.verify(changed, seed.hex());

        assertThat(verification.seedMatchesCommitment()).isTrue();
        assertThat(verification.recomputedResult()).isEqualTo(genuine.result());
        assertThat(verification.resultReproduced()).isFalse();
        assertThat(verification.recordHashValid()).isFalse();
        assertThat(verification.verified()).isFalse();
    }

    @Test
    void anEligibleListChangedToFitAResultFails() {
        DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("changed list");
        DrawRecord genuine = venueDraw(seed, VenueDrawAlgorithmUnitTest.uniform(8));
        DrawRecord changed = new DrawRecord(genuine.id(), genuine.seq(), genuine.kind(), genuine.tenderId(),
                genuine.algorithm(), genuine.seedCommitment(), Canonical.encodeCounts(VenueDrawAlgorithmUnitTest.uniform(3)),
                genuine.eligibleListHash(), genuine.request(), genuine.result(), genuine.actor(), genuine.createdAt(),
                genuine.previousHash(), genuine.recordHash());

        DrawVerification verification = verifier.verify(changed, seed.hex());

        assertThat(verification.eligibleListMatchesHash()).isFalse();
        assertThat(verification.verified()).isFalse();
    }

    @Test
    void anUnreadableRequestOrUnknownAlgorithmCannotBeReproduced() {
        DrawSeed seed = VenueDrawAlgorithmUnitTest.seed("unknown");
        DrawRecord genuine = venueDraw(seed, VenueDrawAlgorithmUnitTest.uniform(8));
        DrawRecord unknown = new DrawRecord(genuine.id(), genuine.seq(), genuine.kind(), genuine.tenderId(), "venue-draw/v0",
                genuine.seedCommitment(), genuine.eligibleList(), genuine.eligibleListHash(), genuine.request(),
                genuine.result(), genuine.actor(), genuine.createdAt(), genuine.previousHash(), genuine.recordHash());
        DrawRecord garbled = new DrawRecord(genuine.id(), genuine.seq(), genuine.kind(), genuine.tenderId(),
                genuine.algorithm(), genuine.seedCommitment(), genuine.eligibleList(), genuine.eligibleListHash(), "x",
                genuine.result(), genuine.actor(), genuine.createdAt(), genuine.previousHash(), genuine.recordHash());

        assertThat(verifier.verify(unknown, seed.hex()).resultReproduced()).isFalse();
        assertThat(verifier.verify(garbled, seed.hex()).recomputedResult()).isNull();
        assertThat(verifier.verify(garbled, seed.hex()).verified()).isFalse();
    }

    @Test
    void aNegotiatedRecordHasNothingToRecomputeButItsHashesAreChecked() {
        DrawRecord record = chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.NEGOTIATED_VENUES, "t-n",
                NegotiatedVenueRecords.ALGORITHM, null, "DQ=4\nSH=3\n", VenueDrawAlgorithmUnitTest.request(5, "HRB").canonical(),
                "DQ=2\nHRB=1\nSH=2\n", "staff-hrb"), null);

        DrawVerification verification = verifier.verify(record, store.seedOf(record.id()).orElseThrow().seedHex());

        assertThat(verification.seedMatchesCommitment()).isNull();
        assertThat(verification.resultReproduced()).isNull();
        assertThat(verification.recomputedResult()).isNull();
        assertThat(verification.verified()).isTrue();
        assertThat(verifier.verify(record, VenueDrawAlgorithmUnitTest.seed("not the salt").hex()).verified()).isFalse();
        assertThat(verifier.verify(record, null).verified()).isFalse();
    }

    private DrawRecord venueDraw(DrawSeed seed, Map<String, Integer> free) {
        VenueDrawRequest request = VenueDrawAlgorithmUnitTest.request(7, "HRB");
        VenueDrawOutcome outcome = algorithm.draw(seed.stream(), request, free);
        return chain.append(new NewDraw(UUID.randomUUID().toString(), DrawKind.VENUE, "t-" + seed.commitment().substring(0, 8),
                VenueDrawAlgorithm.ID, seed.commitment(), Canonical.encodeCounts(free), request.canonical(),
                outcome.canonical(), "system"), seed);
    }
}
