package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.venue.HalfDay;

/**
 * When a hosted session's duties open: {@code remote-eval.hosted-session.duties-lead-time} (default 2 h)
 * before its half-day starts (the province's session starts, {@code remote-eval.expert-notice.morning-start}
 * and {@code afternoon-start}), so that the staff prepare the workstations and the A/V link before the
 * experts arrive. The process's timer asks this bean (public: the engine's expression language calls it by
 * reflection); a time already past fires at once.
 */
@Component("hostedSessionTiming")
public class HostedSessionTiming {

    private static final ZoneId ZONE = ZoneId.of(RemoteEvalApplication.ZONE);

    private final LocalTime morningStart;
    private final LocalTime afternoonStart;
    private final Duration leadTime;

    HostedSessionTiming(@Value("${remote-eval.expert-notice.morning-start:08:30}") String morningStart,
            @Value("${remote-eval.expert-notice.afternoon-start:13:30}") String afternoonStart,
            @Value("${remote-eval.hosted-session.duties-lead-time:PT2H}") Duration leadTime) {
        if (leadTime.isNegative() || leadTime.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalStateException("remote-eval.hosted-session.duties-lead-time must lie between 0 and 12 hours");
        }
        this.morningStart = LocalTime.parse(morningStart.strip());
        this.afternoonStart = LocalTime.parse(afternoonStart.strip());
        this.leadTime = leadTime;
    }

    public Date dutiesOpenAt(String evaluationDate, String halfDay) {
        LocalTime start = HalfDay.valueOf(halfDay) == HalfDay.AM ? morningStart : afternoonStart;
        return Date.from(LocalDateTime.of(LocalDate.parse(evaluationDate), start).atZone(ZONE).minus(leadTime).toInstant());
    }
}
