package cn.hlj.remoteeval.evaluation.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.web.TaskInputRefused;

/** User task 开启评标（行政监督人员到场）, on completion: records that the session opened with the supervisor on site. */
@Component("openSession")
class OpenSessionListener implements TaskListener {

    private static final ZoneId ZONE = ZoneId.of(RemoteEvalApplication.ZONE);

    private final EvaluationDayService days;

    OpenSessionListener(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            days.openSession(task.getExecution().getProcessBusinessKey(),
                    Boolean.TRUE.equals(task.getVariable(EvaluationVariables.SUPERVISOR_ON_SITE)),
                    instant(task.getVariable(EvaluationVariables.SESSION_STARTED_AT)), Actors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }

    /** A Camunda Form datetime arrives as ISO text with or without an offset; null means now. */
    static Instant instant(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = value.toString().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("评标开始时间格式不正确：" + text);
            }
        }
    }
}
