package cn.hlj.remoteeval.deadline.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TabularFile;

/** An operator's upload of one year's official schedule: validated whole, stored whole, then deadlines catch up. */
@Service
class CalendarUploads {

    private static final Logger log = LoggerFactory.getLogger(CalendarUploads.class);

    private final CalendarStore store;
    private final AwaitingCalendarDeadlines awaiting;
    private final AuditLog audit;
    private final Clock clock;

    CalendarUploads(CalendarStore store, AwaitingCalendarDeadlines awaiting, AuditLog audit, Clock clock) {
        this.store = store;
        this.awaiting = awaiting;
        this.audit = audit;
        this.clock = clock;
    }

    record Outcome(int year, int days, int deadlinesScheduled) {
    }

    @Transactional
    public Outcome upload(int year, TabularFile file, String operator) {
        ScheduleRows.Parsed parsed = ScheduleRows.parse(file, year);
        if (!parsed.violations().isEmpty()) {
            throw rejected(parsed.violations());
        }
        Optional<CalendarStore.LoadedYear> previous = store.lockYear(year);
        store.replace(year, parsed.days(), "UPLOAD", operator, clock.instant(), previous);
        int scheduled = awaiting.scheduleComputable();
        audit(year, parsed.days().size(), operator);
        log.info("Calendar {} uploaded ({} listed days); {} waiting deadline(s) scheduled", year, parsed.days().size(),
                scheduled);
        return new Outcome(year, parsed.days().size(), scheduled);
    }

    private void audit(int year, int days, String operator) {
        audit.append(clock.instant(), operator, "CALENDAR_YEAR_UPLOADED", "CALENDAR_YEAR", String.valueOf(year),
                days + " listed days");
    }

    static ApiProblemException rejected(List<FieldViolation> violations) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "节假日安排文件有误",
                "文件中有 " + violations.size() + " 处错误，整个文件未导入，请按 errors 逐项修改后重新上传。", violations);
    }
}
