package cn.hlj.remoteeval.crossprovince.jointtest;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Accepted;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Delivery;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Refused;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Unavailable;
import cn.hlj.remoteeval.crossprovince.exchange.RefusalReason;

/**
 * What one scenario found: passed or not, and what the partner answered (HTTP status, reason), written
 * for the operators.
 *
 * @param reached false when the partner's node could not be reached at all: the scenarios after it are
 *        then not run (each would wait for the same timeout)
 */
record Verdict(boolean passed, String detail, boolean reached) {

    static final int DETAIL_MAX = 1000;

    Verdict {
        detail = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 1) + "…";
    }

    /** Passed when the partner accepted the probe, first time, with exactly {@code answer}. */
    static Verdict expectAccepted(Delivery delivery, String answer) {
        boolean passed = delivery instanceof Accepted accepted && !accepted.duplicate() && answer.equals(accepted.answer());
        return judged(passed, "HTTP 202，答复 " + answer, delivery);
    }

    /** Passed when the partner refused the probe with {@code status} and {@code reason}. */
    static Verdict expectRefused(Delivery delivery, int status, RefusalReason reason) {
        boolean passed = delivery instanceof Refused refused && refused.status() == status
                && reason.name().equals(refused.reason());
        return judged(passed, "HTTP " + status + " " + reason.name(), delivery);
    }

    /** Not passed, without asking the partner again: an earlier step of the scenario went wrong. */
    static Verdict failedBefore(String step, Delivery delivery) {
        return new Verdict(false, step + "：" + describe(delivery), !(delivery instanceof Unavailable));
    }

    private static Verdict judged(boolean passed, String expected, Delivery delivery) {
        String actual = describe(delivery);
        return new Verdict(passed, passed ? actual : "预期 " + expected + "；实际 " + actual,
                !(delivery instanceof Unavailable));
    }

    /** The partner's answer as the operators read it: status, reason, its detail. */
    static String describe(Delivery delivery) {
        if (delivery instanceof Accepted accepted) {
            return accepted.duplicate() ? "HTTP 200（重复投递），答复 " + accepted.answer() : "HTTP 202，答复 " + accepted.answer();
        }
        if (delivery instanceof Refused refused) {
            return "HTTP " + refused.status() + " " + refused.reason()
                    + (refused.detail() == null || refused.detail().isBlank() ? "" : "：" + refused.detail());
        }
        if (delivery instanceof Unavailable unavailable) {
            return "未送达（" + unavailable.error() + "）";
        }
        return String.valueOf(delivery);
    }
}
