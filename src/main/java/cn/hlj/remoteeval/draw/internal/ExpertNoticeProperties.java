package cn.hlj.remoteeval.draw.internal;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When experts are drawn and told, {@code remote-eval.expert-notice.*}.
 *
 * @param drawLeadTime how long before the session starts the experts are drawn: late enough that
 *        the names exist briefly, early enough for declines and supplementary draws
 * @param answerWindow how long an invited expert has to accept or decline before a supplementary draw
 * @param morningStart when a morning (AM) session starts, named in the SMS
 * @param afternoonStart when an afternoon (PM) session starts
 * @param sender the signature that opens every SMS
 */
@ConfigurationProperties("remote-eval.expert-notice")
record ExpertNoticeProperties(@DefaultValue("PT24H") Duration drawLeadTime, @DefaultValue("PT2H") Duration answerWindow,
        @DefaultValue("08:30") LocalTime morningStart, @DefaultValue("13:30") LocalTime afternoonStart,
        @DefaultValue("【黑龙江省远程异地评标】") String sender) {

    ExpertNoticeProperties {
        if (drawLeadTime.isNegative() || answerWindow.isNegative() || answerWindow.isZero()) {
            throw new IllegalArgumentException("remote-eval.expert-notice: the lead time must be zero or more and the "
                    + "answer window more than zero");
        }
    }
}
