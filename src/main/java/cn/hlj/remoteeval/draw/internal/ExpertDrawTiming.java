package cn.hlj.remoteeval.draw.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.venue.HalfDay;

/**
 * When a tender's experts are drawn: the configured lead time before its session starts. The
 * lifecycle's timer asks this bean ({@code ${expertDrawTiming.drawAt(evaluationDate, halfDay)}}), so
 * the BPMN carries the waiting and Java the rule; a time already past fires at once.
 */
@Component("expertDrawTiming")
public class ExpertDrawTiming {

    private static final ZoneId ZONE = ZoneId.of(RemoteEvalApplication.ZONE);

    private final ExpertNoticeProperties properties;

    ExpertDrawTiming(ExpertNoticeProperties properties) {
        this.properties = properties;
    }

    public Date drawAt(String evaluationDate, String halfDay) {
        LocalDateTime start = LocalDateTime.of(LocalDate.parse(evaluationDate), sessionStart(HalfDay.valueOf(halfDay)));
        return Date.from(start.atZone(ZONE).minus(properties.drawLeadTime()).toInstant());
    }

    LocalTime sessionStart(HalfDay halfDay) {
        return halfDay == HalfDay.AM ? properties.morningStart() : properties.afternoonStart();
    }
}
