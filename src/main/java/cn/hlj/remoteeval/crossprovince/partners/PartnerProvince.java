package cn.hlj.remoteeval.crossprovince.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * A partner province and the rules of its steps: the joint test before the connection, a
 * suspension only of a province that passed the joint test, a resumption back to where the
 * suspension found it. A step's date lies neither in the future nor before the previous step, since
 * the targets of policy 十 are judged by these dates. Each step answers the province as it stands
 * afterwards; {@code version} counts the steps and numbers them in the history.
 */
record PartnerProvince(String code, String name, PartnerState state, LocalDate negotiationStartedOn,
        LocalDate jointTestPassedOn, LocalDate connectedOn, LocalDate suspendedOn, String suspensionReason,
        PartnerState suspendedFrom, LocalDate resumedOn, LocalDate lastStepOn, int version) {

    static final int REASON_MAX_LENGTH = 500;

    /** A province as it is registered: negotiating since the given day. */
    static PartnerProvince register(String code, String name, LocalDate negotiationStartedOn, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        notInFuture("negotiationStartedOn", "开始洽谈日期", negotiationStartedOn, today, violations);
        failOn(violations);
        return new PartnerProvince(code, name, PartnerState.NEGOTIATING, negotiationStartedOn, null, null, null, null,
                null, null, negotiationStartedOn, 1);
    }

    PartnerProvince passJointTest(LocalDate passedOn, LocalDate today) {
        requireState("通过联调测试", PartnerState.NEGOTIATING);
        checkDate("passedOn", "联调测试通过日期", passedOn, today);
        return new PartnerProvince(code, name, PartnerState.JOINT_TEST_PASSED, negotiationStartedOn, passedOn,
                connectedOn, suspendedOn, suspensionReason, suspendedFrom, resumedOn, passedOn, version + 1);
    }

    PartnerProvince connect(LocalDate connectedOn, LocalDate today) {
        if (state == PartnerState.NEGOTIATING) {
            throw ApiProblemException.conflict(name + "尚未通过联调测试，不能登记互联互通；请先登记联调测试通过日期。",
                    "connectedOn", "尚未通过联调测试");
        }
        requireState("登记互联互通", PartnerState.JOINT_TEST_PASSED);
        checkDate("connectedOn", "互联互通日期", connectedOn, today);
        return new PartnerProvince(code, name, PartnerState.CONNECTED, negotiationStartedOn, jointTestPassedOn,
                connectedOn, suspendedOn, suspensionReason, suspendedFrom, resumedOn, connectedOn, version + 1);
    }

    PartnerProvince suspend(LocalDate suspendedOn, String reason, LocalDate today) {
        requireState("暂停", PartnerState.JOINT_TEST_PASSED, PartnerState.CONNECTED);
        List<FieldViolation> violations = new ArrayList<>();
        dateViolations("suspendedOn", "暂停日期", suspendedOn, today, violations);
        String stripped = reason == null ? null : reason.strip();
        if (stripped == null || stripped.isEmpty()) {
            violations.add(new FieldViolation("reason", "暂停原因不能为空"));
        } else if (stripped.length() > REASON_MAX_LENGTH) {
            violations.add(new FieldViolation("reason", "暂停原因长度不能超过 " + REASON_MAX_LENGTH + " 个字符"));
        }
        failOn(violations);
        return new PartnerProvince(code, name, PartnerState.SUSPENDED, negotiationStartedOn, jointTestPassedOn,
                connectedOn, suspendedOn, stripped, state, resumedOn, suspendedOn, version + 1);
    }

    /** Back to the state the suspension interrupted: connected, or joint test passed if it never connected. */
    PartnerProvince resume(LocalDate resumedOn, LocalDate today) {
        requireState("恢复", PartnerState.SUSPENDED);
        checkDate("resumedOn", "恢复日期", resumedOn, today);
        PartnerState back = suspendedFrom == null ? PartnerState.CONNECTED : suspendedFrom;
        return new PartnerProvince(code, name, back, negotiationStartedOn, jointTestPassedOn, connectedOn,
                suspendedOn, suspensionReason, null, resumedOn, resumedOn, version + 1);
    }

    private void requireState(String step, PartnerState... allowed) {
        for (PartnerState candidate : allowed) {
            if (state == candidate) {
                return;
            }
        }
        List<String> labels = new ArrayList<>();
        for (PartnerState candidate : allowed) {
            labels.add("“" + candidate.label() + "”");
        }
        throw ApiProblemException.conflict(name + "当前状态为“" + state.label() + "”，不能" + step + "；只有"
                + String.join("或", labels) + "状态可以" + step + "。", "state", "当前状态不允许此操作");
    }

    private void checkDate(String field, String label, LocalDate date, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        dateViolations(field, label, date, today, violations);
        failOn(violations);
    }

    private void dateViolations(String field, String label, LocalDate date, LocalDate today,
            List<FieldViolation> violations) {
        if (notInFuture(field, label, date, today, violations) && date.isBefore(lastStepOn)) {
            violations.add(new FieldViolation(field, label + "不能早于上一步骤的日期（" + lastStepOn + "）"));
        }
    }

    /** True when the date is there and not after today. */
    private static boolean notInFuture(String field, String label, LocalDate date, LocalDate today,
            List<FieldViolation> violations) {
        if (date == null) {
            violations.add(new FieldViolation(field, label + "不能为空"));
            return false;
        }
        if (date.isAfter(today)) {
            violations.add(new FieldViolation(field, label + "不能晚于今天（" + today + "）"));
            return false;
        }
        return true;
    }

    private static void failOn(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
    }

    /** The history entry of the step that led from {@code before} to this. */
    PartnerChange changeFrom(PartnerProvince before, String reason, String changedBy, Instant changedAt) {
        return new PartnerChange(version, before == null ? null : before.state(), state, lastStepOn, reason, changedBy,
                changedAt);
    }
}
