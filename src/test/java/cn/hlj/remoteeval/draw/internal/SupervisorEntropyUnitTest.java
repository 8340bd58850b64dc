package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.internal.SupervisorCommitments.Commitment;
import cn.hlj.remoteeval.draw.internal.SupervisorCommitments.State;

/**
 * The supervisor's contribution (seed derivation v2 §2.3): committed by hash first, bound by the notice of its own
 * draw, revealed only after the list was read, and held against its commitment by the chain check; where policy
 * allows, a draw whose beacons cannot be reached goes on with it alone, decided before the notice.
 */
class SupervisorEntropyUnitTest {

    private static final Instant SNAPSHOT = Instant.parse("2031-03-03T01:00:00.123456Z");
    private static final String VALUE = "35261446 掷骰";
    private static final String SALT = "00112233445566778899aabbccddeeff";

    private final InMemorySupervisorCommitments commitments = new InMemorySupervisorCommitments();
    private final Clock clock = Clock.fixed(SNAPSHOT, ZoneOffset.UTC);
    private final SupervisorEntropy supervisor = new SupervisorEntropy(commitments, Duration.ofSeconds(20), clock,
            TransactionOperations.withoutTransaction());

    @Test
    void theCommitmentIsTheHashOfValueLineFeedAndSalt() {
        assertThat(SupervisorContributionCheck.commitmentOf(VALUE, SALT)).isEqualTo(Hashes.sha256Hex(VALUE + "\n" + SALT))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theRevealedValueOfItsCommitmentChecks() {
        assertThat(new SupervisorContributionCheck().check(plan(commitment()), contribution(VALUE, SALT, SNAPSHOT), SNAPSHOT))
                .isEmpty();
    }

    @Test
    void aValueOrSaltOtherThanTheCommittedOnesFails() {
        SupervisorContributionCheck checking = new SupervisorContributionCheck();
        assertThat(checking.check(plan(commitment()), contribution("35261447 掷骰", SALT, SNAPSHOT), SNAPSHOT))
                .contains("监督人员揭示的随机数与其事先提交的承诺不符。");
        assertThat(checking.check(plan(commitment()), contribution(VALUE, "ff112233445566778899aabbccddeeff", SNAPSHOT), SNAPSHOT))
                .contains("监督人员揭示的随机数与其事先提交的承诺不符。");
        SortedMap<String, String> otherCommitment = contribution(VALUE, SALT, SNAPSHOT);
        otherCommitment.put("commitment", SupervisorContributionCheck.commitmentOf("other", SALT));
        assertThat(checking.check(plan(commitment()), otherCommitment, SNAPSHOT)).contains("监督人员随机数的承诺值与公告不符。");
    }

    @Test
    void anEntryBeyondTheDefinedKeysFailsSinceItWouldEnterTheSeedUnchecked() {
        SortedMap<String, String> noted = contribution(VALUE, SALT, SNAPSHOT);
        noted.put("note", "7");
        assertThat(new SupervisorContributionCheck().check(plan(commitment()), noted, SNAPSHOT))
                .contains("监督人员随机数的公告或记录含有算法未定义的项。");
        SortedMap<String, String> notedPlan = plan(commitment());
        notedPlan.put("note", "7");
        assertThat(new SupervisorContributionCheck().check(notedPlan, contribution(VALUE, SALT, SNAPSHOT), SNAPSHOT))
                .contains("监督人员随机数的公告或记录含有算法未定义的项。");
    }

    @Test
    void aValueRevealedBeforeTheListWasReadFails() {
        assertThat(new SupervisorContributionCheck().check(plan(commitment()),
                contribution(VALUE, SALT, SNAPSHOT.minusNanos(1000)), SNAPSHOT))
                .contains("监督人员的随机数在读取候选名单之前已经揭示。");
    }

    @Test
    void aCommitmentIsPlannedByItsOwnDrawOnlyAndNeverAgainOnceRevealed() throws Exception {
        committed("t-1", DrawKind.VENUE);

        assertThat(supervisor.plan(draft("n-other-tender", "t-2", DrawKind.VENUE))).isEmpty();
        assertThat(supervisor.plan(draft("n-other-kind", "t-1", DrawKind.EXPERT))).isEmpty();
        assertThat(supervisor.plan(draft("n-1", "t-1", DrawKind.VENUE))).contains(plan(commitment()));
        assertThat(commitments.byCommitment(commitment()).orElseThrow().noticeId()).isEqualTo("n-1");

        CompletableFuture<SortedMap<String, String>> draw = CompletableFuture.supplyAsync(
                () -> supervisor.collect("n-1", plan(commitment()), SNAPSHOT));
        revealWhenAwaited();
        assertThat(draw.get(10, TimeUnit.SECONDS)).isEqualTo(contribution(VALUE, SALT, SNAPSHOT));

        assertThat(supervisor.plan(draft("n-2", "t-1", DrawKind.VENUE))).isEmpty();
    }

    @Test
    void aWithheldValueStopsTheDrawAndLeavesTheCommitmentToTheNextAttempt() {
        committed("t-1", DrawKind.EXPERT);
        SupervisorEntropy impatient = new SupervisorEntropy(commitments, Duration.ofMillis(300), clock,
                TransactionOperations.withoutTransaction());
        assertThat(impatient.plan(draft("n-1", "t-1", DrawKind.EXPERT))).isPresent();

        assertThatThrownBy(() -> impatient.collect("n-1", plan(commitment()), SNAPSHOT)).isInstanceOf(EntropyUnavailableException.class);

        assertThat(commitments.byCommitment(commitment()).orElseThrow().state()).isEqualTo(State.COMMITTED);
        assertThat(impatient.plan(draft("n-2", "t-1", DrawKind.EXPERT))).contains(plan(commitment()));
    }

    @Test
    void theDrawDoesNotAskForTheValueOfACommitmentAnotherNoticeHasTaken() {
        committed("t-1", DrawKind.VENUE);
        supervisor.plan(draft("n-1", "t-1", DrawKind.VENUE));
        supervisor.plan(draft("n-2", "t-1", DrawKind.VENUE));

        // The first attempt's draw, still running, must not wait on what now belongs to the second.
        assertThatThrownBy(() -> new SupervisorEntropy(commitments, Duration.ofMillis(300), clock,
                TransactionOperations.withoutTransaction()).collect("n-1", plan(commitment()), SNAPSHOT))
                .isInstanceOf(EntropyUnavailableException.class);
        assertThat(commitments.byCommitment(commitment()).orElseThrow().state()).isEqualTo(State.NOTICED);
    }

    @Test
    void whereNoBeaconCanBeReachedTheSupervisorDrawsAloneOnlyWherePolicyAllowsIt() {
        committed("t-1", DrawKind.VENUE);
        EntropySource unreachable = new UnreachableBeacon();
        NoticeDraft draft = draft("n-1", "t-1", DrawKind.VENUE);

        EntropySources refusing = new EntropySources(List.of(unreachable), List.of(), supervisor, false);
        assertThat(refusing.supervisorAloneFor(draft)).isFalse();
        assertThat(refusing.plan(draft, false)).containsOnlyKeys("offline-beacon", SupervisorContributionCheck.ID);

        EntropySources allowing = new EntropySources(List.of(unreachable), List.of(), supervisor, true);
        assertThat(allowing.supervisorAloneFor(draft)).isTrue();
        assertThat(allowing.plan(draft("n-2", "t-1", DrawKind.VENUE), allowing.supervisorAloneFor(draft)))
                .containsOnlyKeys(SupervisorContributionCheck.ID);
        // Without a commitment there is no supervisor path: the draw plans its beacon and fails on it, as before.
        assertThat(allowing.supervisorAloneFor(draft("n-3", "t-2", DrawKind.VENUE))).isFalse();
    }

    @Test
    void valuesAndSaltsAreRefusedWhenTheyCouldNotBeWrittenOrCheckedAsTheyWereTyped() {
        assertThat(SupervisorContributionCheck.valueFault("")).isPresent();
        assertThat(SupervisorContributionCheck.valueFault(" 12")).isPresent();
        assertThat(SupervisorContributionCheck.valueFault("1\n2")).isPresent();
        assertThat(SupervisorContributionCheck.valueFault("x".repeat(65))).isPresent();
        assertThat(SupervisorContributionCheck.valueFault(VALUE)).isEmpty();
        assertThat(SupervisorContributionCheck.wellFormedSalt(SALT)).isTrue();
        assertThat(SupervisorContributionCheck.wellFormedSalt(SALT.toUpperCase())).isFalse();
        assertThat(SupervisorContributionCheck.wellFormedCommitment(commitment())).isTrue();
        assertThat(SupervisorContributionCheck.wellFormedCommitment("abc")).isFalse();
    }

    private void revealWhenAwaited() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commitments.byCommitment(commitment()).orElseThrow().state() != State.AWAITING_REVEAL) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
        }
        String id = commitments.byCommitment(commitment()).orElseThrow().id();
        assertThat(commitments.reveal(id, VALUE, SALT, SNAPSHOT)).isTrue();
    }

    private void committed(String tenderId, DrawKind kind) {
        commitments.add(new Commitment("c-" + tenderId + "-" + kind, tenderId, kind, commitment(), "supervisor-dxal",
                SNAPSHOT.minusSeconds(60), State.COMMITTED, null, null, null, null, null));
    }

    private static String commitment() {
        return SupervisorContributionCheck.commitmentOf(VALUE, SALT);
    }

    private static NoticeDraft draft(String noticeId, String subjectId, DrawKind kind) {
        return new NoticeDraft(noticeId, kind, subjectId, SNAPSHOT.minusSeconds(1));
    }

    private static SortedMap<String, String> plan(String commitment) {
        SortedMap<String, String> plan = new TreeMap<>();
        plan.put("commitment", commitment);
        return plan;
    }

    private static SortedMap<String, String> contribution(String value, String salt, Instant revealedAt) {
        SortedMap<String, String> contribution = new TreeMap<>();
        contribution.put("commitment", commitment());
        contribution.put("value", value);
        contribution.put("salt", salt);
        contribution.put("revealedAt", revealedAt.toString());
        return contribution;
    }

    /** A beacon whose relays do not answer. */
    private static final class UnreachableBeacon implements EntropySource {

        @Override
        public String id() {
            return "offline-beacon";
        }

        @Override
        public Optional<SortedMap<String, String>> plan(NoticeDraft notice) {
            return Optional.of(new TreeMap<>(java.util.Map.of("round", "1")));
        }

        @Override
        public boolean reachable() {
            return false;
        }

        @Override
        public SortedMap<String, String> collect(String noticeId, SortedMap<String, String> plan, Instant snapshotAt) {
            throw new EntropyUnavailableException("unreachable");
        }

        @Override
        public Optional<String> check(SortedMap<String, String> plan, SortedMap<String, String> contribution, Instant snapshotAt) {
            return Optional.of("unreachable");
        }
    }
}
