package cn.hlj.remoteeval.venue.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/workstations")
@Tag(name = "评标工位")
class ProvinceDirectoryController {

    private final WorkstationDirectory directory;
    private final CrossProvinceCapacityWatch watch;
    private final VenueAccess access;

    ProvinceDirectoryController(WorkstationDirectory directory, CrossProvinceCapacityWatch watch, VenueAccess access) {
        this.directory = directory;
        this.watch = watch;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "全省评标工位共享目录", description = "省公共资源交易中心工作人员可查看。不含预约信息。")
    List<WorkstationView> all(@RequestParam(required = false) Boolean crossProvince) {
        access.requireProvinceDirectoryReader();
        return directory.all(crossProvince);
    }

    @Schema(name = "CrossProvinceShortfall", description = "常设跨省副场某日可用跨省工位不足")
    record ShortfallView(String centerCode, LocalDate date, int usable, int required) {
    }

    @GetMapping("/cross-province-shortfalls")
    @Operation(summary = "常设跨省副场可用跨省工位不足的日期",
            description = "默认检查今天起 30 天；可用指已登记为支持跨省且当日未停用的工位。")
    List<ShortfallView> shortfalls(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        access.requireCapacityReader();
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate start = RequestDates.optional("from", from, watch.defaultFrom(), violations);
        LocalDate end = RequestDates.optional("to", to, start == null ? null : start.plusDays(watch.checkDays()),
                violations);
        RequestDates.range("to", start, end, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return watch.shortfalls(start, end).stream()
                .map(s -> new ShortfallView(s.centerCode(), s.date(), s.usable(), s.required())).toList();
    }
}
