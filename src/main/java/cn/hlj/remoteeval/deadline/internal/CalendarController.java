package cn.hlj.remoteeval.deadline.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.hlj.remoteeval.deadline.CalendarYearNotLoaded;
import cn.hlj.remoteeval.deadline.WorkingDayCalendar;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TabularFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历")
class CalendarController {

    /** Far beyond any statutory term; keeps a request from walking the calendar for ever. */
    static final int MAX_ADD = 1_000;

    private final WorkingDayCalendar calendar;
    private final CalendarStore store;
    private final DeadlineStore deadlines;
    private final CalendarUploads uploads;
    private final CurrentActor actor;

    CalendarController(WorkingDayCalendar calendar, CalendarStore store, DeadlineStore deadlines,
            CalendarUploads uploads, CurrentActor actor) {
        this.calendar = calendar;
        this.store = store;
        this.deadlines = deadlines;
        this.uploads = uploads;
        this.actor = actor;
    }

    record WorkingDays(LocalDate from, int add, LocalDate date) {
    }

    record LoadedYearView(int year, String source, Instant loadedAt) {
    }

    record AwaitingView(int year, long deadlines) {
    }

    record YearsView(List<LoadedYearView> years, List<AwaitingView> awaitingCalendar) {
    }

    record UploadView(int year, int days, int deadlinesScheduled) {
    }

    @GetMapping("/working-days")
    @Operation(summary = "按法定工作日推算日期", description = "from 之后第 add 个工作日（from 当天不计），按国务院办公厅公布的节假日和调休安排。")
    WorkingDays workingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String add) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate start = null;
        if (from == null || from.isBlank()) {
            violations.add(new FieldViolation("from", "不能为空，格式 yyyy-MM-dd"));
        } else {
            try {
                start = LocalDate.parse(from.strip());
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("from", "日期格式不正确，应为 yyyy-MM-dd"));
            }
        }
        Integer days = null;
        if (add == null || add.isBlank()) {
            violations.add(new FieldViolation("add", "不能为空，应为不小于 0 的整数"));
        } else {
            try {
                days = Integer.valueOf(add.strip());
                if (days < 0 || days > MAX_ADD) {
                    violations.add(new FieldViolation("add", "应为 0 到 " + MAX_ADD + " 之间的整数"));
                    days = null;
                }
            } catch (NumberFormatException e) {
                violations.add(new FieldViolation("add", "应为不小于 0 的整数"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        try {
            return new WorkingDays(start, days, calendar.addWorkingDays(start, days));
        } catch (CalendarYearNotLoaded e) {
            throw yearNotLoaded(e.year());
        }
    }

    static ApiProblemException yearNotLoaded(int year) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "工作日历缺失",
                "推算跨越 " + year + " 年，但该年度的法定节假日安排尚未导入，系统不作推测。请运维人员导入 " + year + " 年安排后重试。",
                List.of(new FieldViolation("add", "推算到 " + year + " 年，该年度节假日安排尚未导入")));
    }

    @GetMapping("/years")
    @Operation(summary = "已导入的年度节假日安排", description = "以及因缺少年度安排而等待中的期限数。")
    YearsView years() {
        List<LoadedYearView> years = store.years().stream()
                .map(year -> new LoadedYearView(year.year(), year.source(), year.loadedAt())).toList();
        List<AwaitingView> awaiting = new ArrayList<>();
        for (Map.Entry<Integer, Long> entry : deadlines.awaitingPerYear().entrySet()) {
            awaiting.add(new AwaitingView(entry.getKey(), entry.getValue()));
        }
        return new YearsView(years, awaiting);
    }

    @PutMapping(path = "/years/{year}", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
    @Operation(summary = "导入年度节假日安排（CSV 正文）", description = "表头 date,kind,name；kind 为 HOLIDAY（放假）或 WORKDAY（调休上班）。仅运维人员。")
    UploadView uploadCsv(@PathVariable String year, @RequestBody(required = false) byte[] body) {
        int y = checkYearAndOperator(year);
        if (body == null || body.length == 0) {
            throw ApiProblemException.invalid("file", "请上传 CSV 内容，不能为空");
        }
        return upload(y, TabularFile.readCsv(body, ScheduleRows.HEADER));
    }

    @PutMapping(path = "/years/{year}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入年度节假日安排（上传文件）", description = "表单字段 file，UTF-8 编码的 .csv，表头 date,kind,name。仅运维人员。")
    UploadView uploadFile(@PathVariable String year, @RequestPart(name = "file", required = false) MultipartFile file) {
        int y = checkYearAndOperator(year);
        if (file == null || file.isEmpty()) {
            throw ApiProblemException.invalid("file", "请上传文件（表单字段 file），文件不能为空");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (java.io.IOException e) {
            throw ApiProblemException.invalid("file", "文件读取失败，请重新上传");
        }
        return upload(y, TabularFile.readCsv(content, ScheduleRows.HEADER));
    }

    private UploadView upload(int year, TabularFile file) {
        CalendarUploads.Outcome outcome = uploads.upload(year, file, actor.userId());
        return new UploadView(outcome.year(), outcome.days(), outcome.deadlinesScheduled());
    }

    private int checkYearAndOperator(String year) {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("只有运维人员可以导入年度节假日安排。");
        }
        try {
            int y = Integer.parseInt(year);
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblemException.invalid("year", "年份应为 2000 到 2100 之间的整数");
    }
}
