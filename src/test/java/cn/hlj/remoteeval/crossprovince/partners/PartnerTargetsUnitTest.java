package cn.hlj.remoteeval.crossprovince.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The targets of policy 十 judged before, on and after their due dates. */
class PartnerTargetsUnitTest {

    private static final PartnerTarget JOINT_TESTS = PartnerTargetProperties.POLICY.get(0);
    private static final PartnerTarget THREE_CONNECTED = PartnerTargetProperties.POLICY.get(1);
    private static final PartnerTarget FIVE_CONNECTED = PartnerTargetProperties.POLICY.get(2);
    private static final int RISK_DAYS = 30;

    /** A province's steps given as alternating state and date. */
    private static PartnerTimeline province(String code, Object... steps) {
        List<PartnerChange> changes = new ArrayList<>();
        PartnerState from = null;
        for (int i = 0; i < steps.length; i += 2) {
            PartnerState to = (PartnerState) steps[i];
            changes.add(new PartnerChange(changes.size() + 1, from, to, LocalDate.parse((String) steps[i + 1]), null,
                    "staff-prov", Instant.EPOCH));
            from = to;
        }
        return new PartnerTimeline(code, changes);
    }

    private static PartnerTimeline connected(String code, String on) {
        return province(code, PartnerState.NEGOTIATING, "2025-06-01", PartnerState.JOINT_TEST_PASSED, "2026-01-15",
                PartnerState.CONNECTED, on);
    }

    private static PartnerTargetStatus judge(PartnerTarget target, String on, PartnerTimeline... provinces) {
        return PartnerTargets.judge(target, List.of(provinces), LocalDate.parse(on), RISK_DAYS);
    }

    @Test
    void theDefaultsAreThePolicysTargets() {
        assertThat(PartnerTargetProperties.POLICY).containsExactly(
                new PartnerTarget(PartnerTargetKind.JOINT_TEST, 2, LocalDate.of(2026, 4, 30)),
                new PartnerTarget(PartnerTargetKind.CONNECTED, 3, LocalDate.of(2026, 11, 30)),
                new PartnerTarget(PartnerTargetKind.CONNECTED, 5, LocalDate.of(2027, 11, 30)));
    }

    @Test
    void moreThanRiskDaysAwayIsOnTrackAndExactlyRiskDaysIsAtRisk() {
        PartnerTimeline a = connected("JL", "2026-06-01");
        PartnerTimeline b = connected("LN", "2026-06-02");
        PartnerTargetStatus before = judge(THREE_CONNECTED, "2026-10-30", a, b);
        assertThat(before.state()).isEqualTo(PartnerTargetState.ON_TRACK);
        assertThat(before.daysLeft()).isEqualTo(31);
        PartnerTargetStatus on = judge(THREE_CONNECTED, "2026-10-31", a, b);
        assertThat(on.state()).isEqualTo(PartnerTargetState.AT_RISK);
        assertThat(on.daysLeft()).isEqualTo(30);
        assertThat(on.reached()).isEqualTo(2);
    }

    @Test
    void onTheDueDateThreeConnectedIsMetAndTwoIsStillAtRisk() {
        PartnerTimeline a = connected("JL", "2026-06-01");
        PartnerTimeline b = connected("LN", "2026-06-02");
        PartnerTimeline c = connected("NM", "2026-11-30");
        PartnerTargetStatus met = judge(THREE_CONNECTED, "2026-11-30", a, b, c);
        assertThat(met.state()).isEqualTo(PartnerTargetState.MET);
        assertThat(met.reached()).isEqualTo(3);
        PartnerTargetStatus atRisk = judge(THREE_CONNECTED, "2026-11-30", a, b);
        assertThat(atRisk.state()).isEqualTo(PartnerTargetState.AT_RISK);
        assertThat(atRisk.daysLeft()).isZero();
    }

    @Test
    void theDayAfterTheDueDateTwoIsMissedAndAConnectionAfterTheDueDateDoesNotSaveIt() {
        PartnerTimeline a = connected("JL", "2026-06-01");
        PartnerTimeline b = connected("LN", "2026-06-02");
        PartnerTimeline late = connected("NM", "2026-12-01");
        PartnerTargetStatus missed = judge(THREE_CONNECTED, "2026-12-01", a, b, late);
        assertThat(missed.state()).isEqualTo(PartnerTargetState.MISSED);
        assertThat(missed.reached()).isEqualTo(2);
        assertThat(missed.countedOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(missed.daysLeft()).isEqualTo(-1);
        assertThat(judge(THREE_CONNECTED, "2027-06-30", a, b, late).state()).isEqualTo(PartnerTargetState.MISSED);
    }

    @Test
    void aTargetMetOnItsDueDateStaysMetWhenAProvinceIsSuspendedLater() {
        PartnerTimeline a = connected("JL", "2026-06-01");
        PartnerTimeline b = connected("LN", "2026-06-02");
        PartnerTimeline c = province("NM", PartnerState.NEGOTIATING, "2025-06-01", PartnerState.JOINT_TEST_PASSED,
                "2026-01-15", PartnerState.CONNECTED, "2026-07-01", PartnerState.SUSPENDED, "2026-12-05");
        assertThat(judge(THREE_CONNECTED, "2027-01-10", a, b, c).state()).isEqualTo(PartnerTargetState.MET);
    }

    @Test
    void aProvinceSuspendedBeforeTheDueDateIsNotCounted() {
        PartnerTimeline a = connected("JL", "2026-06-01");
        PartnerTimeline b = connected("LN", "2026-06-02");
        PartnerTimeline suspended = province("NM", PartnerState.NEGOTIATING, "2025-06-01",
                PartnerState.JOINT_TEST_PASSED, "2026-01-15", PartnerState.CONNECTED, "2026-07-01",
                PartnerState.SUSPENDED, "2026-11-29");
        PartnerTargetStatus missed = judge(THREE_CONNECTED, "2026-12-01", a, b, suspended);
        assertThat(missed.reached()).isEqualTo(2);
        assertThat(missed.state()).isEqualTo(PartnerTargetState.MISSED);
        // Suspended on the due date itself: not connected that day either.
        PartnerTimeline suspendedOnDueDate = province("NM", PartnerState.NEGOTIATING, "2025-06-01",
                PartnerState.JOINT_TEST_PASSED, "2026-01-15", PartnerState.CONNECTED, "2026-07-01",
                PartnerState.SUSPENDED, "2026-11-30");
        assertThat(judge(THREE_CONNECTED, "2026-12-01", a, b, suspendedOnDueDate).state())
                .isEqualTo(PartnerTargetState.MISSED);
    }

    @Test
    void aProvinceResumedBeforeTheDueDateCountsAgain() {
        PartnerTimeline a = connected("JL", "2026-06-01");
        PartnerTimeline b = connected("LN", "2026-06-02");
        PartnerTimeline resumed = province("NM", PartnerState.NEGOTIATING, "2025-06-01",
                PartnerState.JOINT_TEST_PASSED, "2026-01-15", PartnerState.CONNECTED, "2026-07-01",
                PartnerState.SUSPENDED, "2026-08-01", PartnerState.CONNECTED, "2026-11-30");
        assertThat(judge(THREE_CONNECTED, "2026-12-01", a, b, resumed).state()).isEqualTo(PartnerTargetState.MET);
        assertThat(judge(THREE_CONNECTED, "2026-11-29", a, b, resumed).state()).isEqualTo(PartnerTargetState.AT_RISK);
    }

    @Test
    void jointTestsCountWhateverHappenedAfterwards() {
        PartnerTimeline passed = province("JL", PartnerState.NEGOTIATING, "2025-06-01", PartnerState.JOINT_TEST_PASSED,
                "2026-04-30");
        PartnerTimeline suspended = province("LN", PartnerState.NEGOTIATING, "2025-06-01",
                PartnerState.JOINT_TEST_PASSED, "2026-02-01", PartnerState.SUSPENDED, "2026-03-01");
        PartnerTimeline negotiating = province("NM", PartnerState.NEGOTIATING, "2025-06-01");
        assertThat(judge(JOINT_TESTS, "2026-03-30", passed, suspended, negotiating).state())
                .isEqualTo(PartnerTargetState.ON_TRACK);
        assertThat(judge(JOINT_TESTS, "2026-03-31", passed, suspended, negotiating).state())
                .isEqualTo(PartnerTargetState.AT_RISK);
        assertThat(judge(JOINT_TESTS, "2026-04-29", passed, suspended, negotiating).state())
                .isEqualTo(PartnerTargetState.AT_RISK);
        assertThat(judge(JOINT_TESTS, "2026-04-30", passed, suspended, negotiating).state())
                .isEqualTo(PartnerTargetState.MET);
        assertThat(judge(JOINT_TESTS, "2026-05-01", passed, suspended, negotiating).state())
                .isEqualTo(PartnerTargetState.MET);
    }

    @Test
    void aJointTestPassedTheDayAfterTheDueDateMissesIt() {
        PartnerTimeline passed = province("JL", PartnerState.NEGOTIATING, "2025-06-01", PartnerState.JOINT_TEST_PASSED,
                "2026-03-01");
        PartnerTimeline late = province("LN", PartnerState.NEGOTIATING, "2025-06-01", PartnerState.JOINT_TEST_PASSED,
                "2026-05-01");
        PartnerTargetStatus status = judge(JOINT_TESTS, "2026-05-01", passed, late);
        assertThat(status.state()).isEqualTo(PartnerTargetState.MISSED);
        assertThat(status.reached()).isEqualTo(1);
        assertThat(status.text()).contains("未按期完成").contains("仅有 1 个");
    }

    @Test
    void aFutureTargetMetTodayIsMetAndOneFarAwayIsOnTrack() {
        PartnerTimeline[] five = { connected("JL", "2026-06-01"), connected("LN", "2026-06-02"),
                connected("NM", "2026-06-03"), connected("HE", "2026-06-04"), connected("SD", "2026-06-05") };
        assertThat(judge(FIVE_CONNECTED, "2026-11-24", five).state()).isEqualTo(PartnerTargetState.MET);
        assertThat(judge(FIVE_CONNECTED, "2026-11-24", five[0], five[1]).state())
                .isEqualTo(PartnerTargetState.ON_TRACK);
        assertThat(judge(FIVE_CONNECTED, "2027-11-30", five[0], five[1]).state())
                .isEqualTo(PartnerTargetState.AT_RISK);
        assertThat(judge(FIVE_CONNECTED, "2027-12-01", five[0], five[1]).state())
                .isEqualTo(PartnerTargetState.MISSED);
    }

    @Test
    void theRiskWindowIsConfigurable() {
        PartnerTimeline a = connected("JL", "2026-06-01");
        assertThat(PartnerTargets.judge(THREE_CONNECTED, List.of(a), LocalDate.of(2026, 11, 20), 7).state())
                .isEqualTo(PartnerTargetState.ON_TRACK);
        assertThat(PartnerTargets.judge(THREE_CONNECTED, List.of(a), LocalDate.of(2026, 11, 23), 7).state())
                .isEqualTo(PartnerTargetState.AT_RISK);
    }

    @Test
    void aMalformedConfiguredTargetStopsTheStart() {
        PartnerTargetProperties properties = new PartnerTargetProperties(
                List.of(new PartnerTargetProperties.Target(PartnerTargetKind.CONNECTED, 0, LocalDate.of(2027, 1, 1))),
                30, "0 30 7 * * *");
        org.assertj.core.api.Assertions.assertThatThrownBy(properties::targets)
                .hasMessageContaining("remote-eval.partner-targets[0]");
        assertThat(new PartnerTargetProperties(null, 30, "x").targets()).isEqualTo(PartnerTargetProperties.POLICY);
    }
}
