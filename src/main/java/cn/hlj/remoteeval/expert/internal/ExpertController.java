package cn.hlj.remoteeval.expert.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.RequestFields;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/experts")
@Tag(name = "专家库")
class ExpertController {

    static final int REASON_MAX = 200;
    static final int ORGANISATION_MAX = 200;
    static final int RELATION_MAX = 100;
    static final int PROJECT_CODE_MAX = 64;
    static final int STAGE_MAX = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final PoolAdministration administration;
    private final ExpertAccess access;
    private final JdbcSpecialties specialties;
    private final TradingCenters centers;
    private final Clock clock;

    ExpertController(PoolAdministration administration, ExpertAccess access, JdbcSpecialties specialties,
            TradingCenters centers, Clock clock) {
        this.administration = administration;
        this.access = access;
        this.specialties = specialties;
        this.centers = centers;
        this.clock = clock;
    }

    @Schema(name = "ExpertStatusRequest", description = "暂停、恢复或取消专家资格")
    record StatusRequest(@Schema(description = "ACTIVE 恢复 | SUSPENDED 暂停抽取 | DISQUALIFIED 取消资格（不可恢复）") String status,
            @Schema(description = "原因；暂停和取消资格时必填", example = "年度考核不合格") String reason) {
    }

    @Schema(name = "ExpertLeaveRequest", description = "请假，起止日期均含")
    record LeaveRequest(@Schema(example = "2026-12-01") String from, @Schema(example = "2026-12-10") String to,
            @Schema(example = "出差") String reason) {
    }

    @Schema(name = "ExpertRelationRequest", description = "申报回避关系")
    record RelationRequest(@Schema(description = "单位名称", example = "黑龙江某建设集团有限公司") String organisation,
            @Schema(description = "关系", example = "近三年曾在该单位任职") String relation) {
    }

    @Schema(name = "ExpertParticipationRequest", description = "登记参与过的项目前期阶段")
    record ParticipationRequest(@Schema(description = "项目代码", example = "2026-230100-48-01-000001") String projectCode,
            @Schema(description = "阶段", example = "可行性研究") String stage) {
    }

    @GetMapping
    @Operation(summary = "分页列出专家（个人信息脱敏，仅专家库管理员）",
            description = "可按 specialty（专业代码）、city（所在地市，交易中心代码）、status 筛选；page 从 0 开始，size 1–200。")
    ExpertViews.Page list(@RequestParam(required = false) String specialty, @RequestParam(required = false) String city,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        access.requirePoolAdmin();
        List<FieldViolation> violations = new ArrayList<>();
        String specialtyCode = blankToNull(specialty);
        if (specialtyCode != null && !specialties.exists(specialtyCode.toUpperCase(Locale.ROOT))) {
            violations.add(new FieldViolation("specialty", "专业代码不存在"));
        }
        String cityCode = blankToNull(city);
        if (cityCode != null && !centers.exists(cityCode.toUpperCase(Locale.ROOT))) {
            violations.add(new FieldViolation("city", "交易中心代码不存在"));
        }
        ExpertStatus expertStatus = status == null || status.isBlank() ? null
                : RequestFields.enumValue("status", status, ExpertStatus.class, violations);
        if (page < 0) {
            violations.add(new FieldViolation("page", "不能小于 0"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "应在 1 到 " + MAX_PAGE_SIZE + " 之间"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        JdbcExperts.Filter filter = new JdbcExperts.Filter(
                specialtyCode == null ? null : specialtyCode.toUpperCase(Locale.ROOT),
                cityCode == null ? null : cityCode.toUpperCase(Locale.ROOT), expertStatus);
        return administration.list(filter, page, size, access.userId());
    }

    @Schema(name = "ExpertLookup", description = "按身份证号查找专家（号码在请求体中，不出现在地址和日志里）")
    record LookupRequest(@Schema(description = "18 位身份证号") String idNumber) {
    }

    @PostMapping("/lookup")
    @Operation(summary = "按身份证号查找专家（仅专家库管理员，脱敏，记入审计日志）",
            description = "找到时返回脱敏的一条，找不到时 404。")
    ExpertViews.ListItem lookUp(@RequestBody(required = false) LookupRequest request) {
        access.requirePoolAdmin();
        String number = IdNumbers.normalise(request == null ? null : request.idNumber());
        String problem = IdNumbers.problem(number, LocalDate.now(clock));
        if (problem != null) {
            throw ApiProblemException.invalid("idNumber", problem);
        }
        return administration.lookUp(number, access.userId())
                .orElseThrow(() -> ApiProblemException.notFound("专家库中没有该身份证号的专家。"));
    }

    @GetMapping("/{ref}")
    @Operation(summary = "查看专家详情（含完整个人信息，仅专家库管理员，记入审计日志）")
    ExpertViews.Detail detail(@PathVariable String ref) {
        access.requirePoolAdmin();
        return administration.detail(ref, access.userId());
    }

    @GetMapping("/{ref}/history")
    @Operation(summary = "查看专家信息的修改历史（仅专家库管理员，记入审计日志）")
    List<ExpertViews.HistoryEntry> history(@PathVariable String ref) {
        access.requirePoolAdmin();
        return administration.history(ref, access.userId());
    }

    @PostMapping("/{ref}/status")
    @Operation(summary = "暂停、恢复或取消专家资格（仅专家库管理员）", description = "取消资格后不能再恢复或暂停。")
    ExpertViews.StatusView changeStatus(@PathVariable String ref,
            @RequestBody(required = false) StatusRequest request) {
        access.requirePoolAdmin();
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        ExpertStatus status = RequestFields.enumValue("status", request.status(), ExpertStatus.class, violations);
        // Reinstating needs no reason; suspending and disqualifying do.
        boolean optional = status == ExpertStatus.ACTIVE && (request.reason() == null || request.reason().isBlank());
        String reason = optional ? null : RequestFields.text("reason", request.reason(), REASON_MAX, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return administration.changeStatus(ref, status, reason, access.userId());
    }

    @PostMapping("/{ref}/leaves")
    @Operation(summary = "登记专家请假（起止日期均含，仅专家库管理员）", description = "请假期间的专家不会被抽取。")
    ResponseEntity<JdbcExpertDeclarations.Leave> addLeave(@PathVariable String ref,
            @RequestBody(required = false) LeaveRequest request) {
        access.requirePoolAdmin();
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate from = RequestFields.date("from", request.from(), violations);
        LocalDate to = RequestFields.date("to", request.to(), violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new FieldViolation("to", "结束日期不能早于开始日期"));
        } else if (to != null && to.isBefore(LocalDate.now(clock))) {
            violations.add(new FieldViolation("to", "结束日期不能早于今天"));
        }
        String reason = RequestFields.text("reason", request.reason(), REASON_MAX, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        JdbcExpertDeclarations.Leave leave = administration.addLeave(ref, from, to, reason, access.userId());
        return ResponseEntity.created(URI.create("/api/experts/" + ref + "/leaves/" + leave.id())).body(leave);
    }

    @DeleteMapping("/{ref}/leaves/{id}")
    @Operation(summary = "撤销专家请假（仅专家库管理员）")
    ResponseEntity<Void> removeLeave(@PathVariable String ref, @PathVariable long id) {
        access.requirePoolAdmin();
        administration.removeLeave(ref, id, access.userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{ref}/relations")
    @Operation(summary = "登记专家申报的回避关系（仅专家库管理员）", description = "抽取时，与招标人或投标人有申报关系的专家回避。")
    ResponseEntity<JdbcExpertDeclarations.Relation> addRelation(@PathVariable String ref,
            @RequestBody(required = false) RelationRequest request) {
        access.requirePoolAdmin();
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String organisation = RequestFields.text("organisation", request.organisation(), ORGANISATION_MAX, violations);
        String relation = RequestFields.text("relation", request.relation(), RELATION_MAX, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        JdbcExpertDeclarations.Relation created = administration.addRelation(ref, organisation, relation,
                access.userId());
        return ResponseEntity.created(URI.create("/api/experts/" + ref + "/relations/" + created.id())).body(created);
    }

    @DeleteMapping("/{ref}/relations/{id}")
    @Operation(summary = "撤销一项回避申报（仅专家库管理员）")
    ResponseEntity<Void> removeRelation(@PathVariable String ref, @PathVariable long id) {
        access.requirePoolAdmin();
        administration.removeRelation(ref, id, access.userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{ref}/project-participations")
    @Operation(summary = "登记专家参与过的项目前期阶段（仅专家库管理员）", description = "参与过同一项目前期工作的专家回避。")
    ResponseEntity<JdbcExpertDeclarations.Participation> addParticipation(@PathVariable String ref,
            @RequestBody(required = false) ParticipationRequest request) {
        access.requirePoolAdmin();
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String projectCode = RequestFields.text("projectCode", request.projectCode(), PROJECT_CODE_MAX, violations);
        String stage = RequestFields.text("stage", request.stage(), STAGE_MAX, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        JdbcExpertDeclarations.Participation created = administration.addParticipation(ref, projectCode, stage,
                access.userId());
        return ResponseEntity.created(URI.create("/api/experts/" + ref + "/project-participations/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/{ref}/project-participations/{id}")
    @Operation(summary = "撤销一项项目参与记录（仅专家库管理员）")
    ResponseEntity<Void> removeParticipation(@PathVariable String ref, @PathVariable long id) {
        access.requirePoolAdmin();
        administration.removeParticipation(ref, id, access.userId());
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
