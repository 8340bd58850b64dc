package cn.hlj.remoteeval.venue.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TabularFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/centers/{center}/workstations")
@Tag(name = "评标工位")
class WorkstationController {

    static final int REASON_MAX = 200;

    private final WorkstationDirectory directory;
    private final VenueAccess access;
    private final Clock clock;

    WorkstationController(WorkstationDirectory directory, VenueAccess access, Clock clock) {
        this.directory = directory;
        this.access = access;
        this.clock = clock;
    }

    @Schema(name = "WorkstationRegistration", description = "登记评标工位")
    record RegisterRequest(@Schema(description = "工位编号（本中心内唯一）", example = "X01") String code,
            @Schema(description = "房间", example = "远程异地评标区 A 评标室 3") String room,
            @Schema(description = "是否支持跨省远程异地评标") Boolean crossProvince,
            @Schema(description = "音视频设备说明") String avNotes) {
    }

    @Schema(name = "WorkstationUpdate", description = "修改评标工位（工位编号不可修改）")
    record UpdateRequest(String room, Boolean crossProvince, String avNotes,
            @Schema(description = "读取时的版本号；填写时用于防止覆盖他人的修改") Long version) {
    }

    @Schema(name = "WorkstationOutageRequest", description = "停用时段，起止日期均含")
    record OutageRequest(@Schema(example = "2026-12-01") String from, @Schema(example = "2026-12-03") String to,
            @Schema(example = "音视频设备检修") String reason) {
    }

    @GetMapping
    @Operation(summary = "列出本中心的评标工位", description = "本中心工作人员和行政监督部门、省中心工作人员可查看。不含预约信息。")
    List<WorkstationView> list(@PathVariable String center) {
        access.requireDirectoryReader(center);
        return directory.ofCenter(center);
    }

    @PostMapping
    @Operation(summary = "登记评标工位", description = "仅本中心工作人员可登记。")
    ResponseEntity<WorkstationView> register(@PathVariable String center,
            @RequestBody(required = false) RegisterRequest request) {
        access.requireDirectoryMaintainer(center);
        List<FieldViolation> violations = new ArrayList<>();
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        String code = WorkstationFields.code("code", request.code(), violations);
        WorkstationFields fields = fields(request.room(), request.crossProvince(), request.avNotes(), code, violations);
        WorkstationView view = directory.register(center, fields, access.userId());
        return ResponseEntity.created(URI.create("/api/centers/" + center + "/workstations/" + view.code())).body(view);
    }

    @PutMapping("/{code}")
    @Operation(summary = "修改评标工位", description = "仅本中心工作人员可修改；工位编号不可修改。")
    WorkstationView update(@PathVariable String center, @PathVariable String code,
            @RequestBody(required = false) UpdateRequest request) {
        access.requireDirectoryMaintainer(center);
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String normalized = code.toUpperCase(java.util.Locale.ROOT);
        WorkstationFields fields = fields(request.room(), request.crossProvince(), request.avNotes(), normalized,
                violations);
        return directory.update(center, normalized, fields, request.version());
    }

    @PostMapping("/{code}/outages")
    @Operation(summary = "停用评标工位（起止日期均含）",
            description = "停用时段内已被预约的座位自动调换到本中心其他空闲工位；无法调换时不停用。")
    ResponseEntity<WorkstationDirectory.RecordedOutage> takeOutOfService(@PathVariable String center,
            @PathVariable String code, @RequestBody(required = false) OutageRequest request) {
        access.requireDirectoryMaintainer(center);
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate from = RequestDates.required("from", request.from(), violations);
        LocalDate to = RequestDates.required("to", request.to(), violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new FieldViolation("to", "结束日期不能早于开始日期"));
        } else if (to != null && to.isBefore(LocalDate.now(clock))) {
            violations.add(new FieldViolation("to", "结束日期不能早于今天"));
        }
        String reason = text("reason", request.reason(), REASON_MAX, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        String normalized = code.toUpperCase(java.util.Locale.ROOT);
        WorkstationDirectory.RecordedOutage outage = directory.takeOutOfService(center, normalized, from, to, reason,
                access.userId());
        return ResponseEntity.created(URI.create("/api/centers/" + center + "/workstations/" + normalized
                + "/outages/" + outage.id())).body(outage);
    }

    @DeleteMapping("/{code}/outages/{outageId}")
    @Operation(summary = "撤销停用（恢复使用）")
    ResponseEntity<Void> returnToService(@PathVariable String center, @PathVariable String code,
            @PathVariable long outageId) {
        access.requireDirectoryMaintainer(center);
        directory.returnToService(center, code.toUpperCase(java.util.Locale.ROOT), outageId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/import")
    @Operation(summary = "从 Excel/CSV 批量导入评标工位",
            description = "上传 .xlsx 或 UTF-8 编码的 .csv（表单字段 file），表头为：工位编号,房间,支持跨省,音视频设备说明；"
                    + "支持跨省填“是”或“否”。按工位编号新增或更新；任一行有误则整个文件不导入。")
    WorkstationDirectory.ImportResult importFile(@PathVariable String center,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        access.requireDirectoryMaintainer(center);
        TabularFile table = TabularFile.read(file, WorkstationImportRows.HEADER);
        WorkstationImportRows.Checked checked = WorkstationImportRows.check(table);
        if (!checked.valid()) {
            throw ApiProblemException.invalid(checked.violations());
        }
        return directory.importAll(center, checked.workstations(), access.userId());
    }

    private static WorkstationFields fields(String room, Boolean crossProvince, String avNotes, String code,
            List<FieldViolation> violations) {
        String checkedRoom = WorkstationFields.room("room", room, violations);
        boolean cross = WorkstationFields.crossProvince("crossProvince", crossProvince, violations);
        String notes = WorkstationFields.avNotes("avNotes", avNotes, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return new WorkstationFields(code, checkedRoom, cross, notes);
    }

    private static String text(String field, String value, int max, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "不能为空"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            violations.add(new FieldViolation(field, "长度不能超过 " + max + " 个字符"));
            return null;
        }
        return stripped;
    }
}
