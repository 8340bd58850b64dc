package cn.hlj.remoteeval.crossprovince.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/** The partner province's steps: which the state allows (409 otherwise) and which dates they may carry (400). */
class PartnerProvinceUnitTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static PartnerProvince negotiating() {
        return PartnerProvince.register("JL", "吉林省", LocalDate.of(2025, 9, 1), TODAY);
    }

    private static PartnerProvince connected() {
        return negotiating().passJointTest(LocalDate.of(2026, 3, 10), TODAY).connect(LocalDate.of(2026, 6, 1), TODAY);
    }

    @Test
    void walksTheWholeWayAndCountsTheSteps() {
        PartnerProvince p = negotiating();
        assertThat(p.state()).isEqualTo(PartnerState.NEGOTIATING);
        assertThat(p.version()).isEqualTo(1);

        p = p.passJointTest(LocalDate.of(2026, 3, 10), TODAY);
        assertThat(p.state()).isEqualTo(PartnerState.JOINT_TEST_PASSED);
        assertThat(p.jointTestPassedOn()).isEqualTo(LocalDate.of(2026, 3, 10));

        p = p.connect(LocalDate.of(2026, 6, 1), TODAY);
        assertThat(p.state()).isEqualTo(PartnerState.CONNECTED);

        p = p.suspend(LocalDate.of(2026, 8, 1), "  国家系统升级  ", TODAY);
        assertThat(p.state()).isEqualTo(PartnerState.SUSPENDED);
        assertThat(p.suspensionReason()).isEqualTo("国家系统升级");
        assertThat(p.suspendedFrom()).isEqualTo(PartnerState.CONNECTED);

        p = p.resume(LocalDate.of(2026, 8, 20), TODAY);
        assertThat(p.state()).isEqualTo(PartnerState.CONNECTED);
        assertThat(p.resumedOn()).isEqualTo(LocalDate.of(2026, 8, 20));
        assertThat(p.version()).isEqualTo(5);
    }

    @Test
    void aSuspensionAfterTheJointTestResumesToTheJointTest() {
        PartnerProvince p = negotiating().passJointTest(LocalDate.of(2026, 3, 10), TODAY)
                .suspend(LocalDate.of(2026, 4, 1), "对方系统改造", TODAY).resume(LocalDate.of(2026, 5, 1), TODAY);
        assertThat(p.state()).isEqualTo(PartnerState.JOINT_TEST_PASSED);
        assertThat(p.connect(LocalDate.of(2026, 5, 2), TODAY).state()).isEqualTo(PartnerState.CONNECTED);
    }

    @Test
    void stepsOnTheSameDayAsThePreviousOneAndOnTodayAreAllowed() {
        PartnerProvince p = PartnerProvince.register("JL", "吉林省", TODAY, TODAY).passJointTest(TODAY, TODAY)
                .connect(TODAY, TODAY).suspend(TODAY, "暂停", TODAY).resume(TODAY, TODAY);
        assertThat(p.state()).isEqualTo(PartnerState.CONNECTED);
    }

    @Test
    void connectingNeedsAPassedJointTest() {
        assertConflict(() -> negotiating().connect(LocalDate.of(2026, 6, 1), TODAY), "尚未通过联调测试");
    }

    @Test
    void aNegotiatingProvinceCannotBeSuspendedOrResumed() {
        assertConflict(() -> negotiating().suspend(LocalDate.of(2026, 6, 1), "原因", TODAY), "不能暂停");
        assertConflict(() -> negotiating().resume(LocalDate.of(2026, 6, 1), TODAY), "不能恢复");
    }

    @Test
    void stepsThatTheStateDoesNotAllowAreConflicts() {
        PartnerProvince connected = connected();
        assertConflict(() -> connected.passJointTest(LocalDate.of(2026, 7, 1), TODAY), "不能通过联调测试");
        assertConflict(() -> connected.connect(LocalDate.of(2026, 7, 1), TODAY), "不能登记互联互通");
        assertConflict(() -> connected.resume(LocalDate.of(2026, 7, 1), TODAY), "不能恢复");
        PartnerProvince suspended = connected.suspend(LocalDate.of(2026, 7, 1), "原因", TODAY);
        assertConflict(() -> suspended.suspend(LocalDate.of(2026, 7, 2), "原因", TODAY), "不能暂停");
        assertConflict(() -> suspended.connect(LocalDate.of(2026, 7, 2), TODAY), "不能登记互联互通");
        assertConflict(() -> suspended.passJointTest(LocalDate.of(2026, 7, 2), TODAY), "不能通过联调测试");
    }

    @Test
    void datesInTheFutureAreRefusedNamingTheField() {
        assertInvalid(() -> PartnerProvince.register("JL", "吉林省", TODAY.plusDays(1), TODAY), "negotiationStartedOn",
                "不能晚于今天");
        assertInvalid(() -> negotiating().passJointTest(TODAY.plusDays(1), TODAY), "passedOn", "不能晚于今天");
        PartnerProvince passed = negotiating().passJointTest(LocalDate.of(2026, 3, 10), TODAY);
        assertInvalid(() -> passed.connect(TODAY.plusDays(1), TODAY), "connectedOn", "不能晚于今天");
        assertInvalid(() -> connected().suspend(TODAY.plusDays(1), "原因", TODAY), "suspendedOn", "不能晚于今天");
        PartnerProvince suspended = connected().suspend(LocalDate.of(2026, 7, 1), "原因", TODAY);
        assertInvalid(() -> suspended.resume(TODAY.plusDays(1), TODAY), "resumedOn", "不能晚于今天");
    }

    @Test
    void datesBeforeThePreviousStepAreRefusedNamingTheField() {
        assertInvalid(() -> negotiating().passJointTest(LocalDate.of(2025, 8, 31), TODAY), "passedOn",
                "不能早于上一步骤的日期（2025-09-01）");
        PartnerProvince passed = negotiating().passJointTest(LocalDate.of(2026, 3, 10), TODAY);
        assertInvalid(() -> passed.connect(LocalDate.of(2026, 3, 9), TODAY), "connectedOn", "2026-03-10");
        assertInvalid(() -> connected().suspend(LocalDate.of(2026, 5, 31), "原因", TODAY), "suspendedOn",
                "2026-06-01");
        PartnerProvince suspended = connected().suspend(LocalDate.of(2026, 7, 1), "原因", TODAY);
        assertInvalid(() -> suspended.resume(LocalDate.of(2026, 6, 30), TODAY), "resumedOn", "2026-07-01");
        PartnerProvince resumed = suspended.resume(LocalDate.of(2026, 7, 10), TODAY);
        assertInvalid(() -> resumed.suspend(LocalDate.of(2026, 7, 9), "原因", TODAY), "suspendedOn", "2026-07-10");
    }

    @Test
    void aSuspensionNeedsAReason() {
        assertInvalid(() -> connected().suspend(LocalDate.of(2026, 7, 1), "  ", TODAY), "reason", "暂停原因不能为空");
        assertInvalid(() -> connected().suspend(LocalDate.of(2026, 7, 1), "长".repeat(501), TODAY), "reason",
                "不能超过 500");
    }

    @Test
    void theHistoryEntryCarriesTheStepAndItsDate() {
        PartnerProvince before = negotiating();
        PartnerProvince after = before.passJointTest(LocalDate.of(2026, 3, 10), TODAY);
        PartnerChange change = after.changeFrom(before, null, "staff-prov", java.time.Instant.EPOCH);
        assertThat(change.seq()).isEqualTo(2);
        assertThat(change.from()).isEqualTo(PartnerState.NEGOTIATING);
        assertThat(change.to()).isEqualTo(PartnerState.JOINT_TEST_PASSED);
        assertThat(change.effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    private static void assertConflict(Runnable step, String detailPart) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getMessage()).contains(detailPart);
        });
    }

    private static void assertInvalid(Runnable step, String field, String messagePart) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(ApiProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field);
            assertThat(e.violations().get(0).message()).contains(messagePart);
        });
    }
}
