package cn.hlj.remoteeval.expert.internal;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.web.RequestFields;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/specialties")
@Tag(name = "评标专家专业分类")
class SpecialtyController {

    static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2,8}");
    static final int NAME_MAX = 100;

    private final JdbcSpecialties specialties;
    private final ExpertAccess access;
    private final AuditLog audit;
    private final Clock clock;

    SpecialtyController(JdbcSpecialties specialties, ExpertAccess access, AuditLog audit, Clock clock) {
        this.specialties = specialties;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "SpecialtyRequest", description = "新增专业分类")
    record SpecialtyRequest(@Schema(description = "代码：一个大写字母和 2–8 位数字，下级代码以上级代码开头", example = "C020116")
    String code, @Schema(example = "拆迁评估") String name,
            @Schema(description = "上级分类代码；顶层分类不填", example = "C0201", nullable = true) String parentCode) {
    }

    @GetMapping
    @Operation(summary = "列出评标专家专业分类", description = "所有已登录用户可查看。按代码排序；parentCode 为上级分类。")
    List<Specialty> list() {
        return specialties.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "查看一个专业分类")
    Specialty one(@PathVariable String code) {
        return specialties.all().stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> ApiProblemException.notFound("专业分类不存在。"));
    }

    @PostMapping
    @Transactional
    @Operation(summary = "新增专业分类（仅专家库管理员）", description = "代码不可重复（重复时 409）；上级分类须已存在，下级代码以上级代码开头。")
    ResponseEntity<Specialty> add(@RequestBody(required = false) SpecialtyRequest request) {
        access.requirePoolAdmin();
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String code = request.code() == null ? null : request.code().strip().toUpperCase(Locale.ROOT);
        if (code == null || code.isEmpty()) {
            violations.add(new FieldViolation("code", "不能为空"));
            code = null;
        } else if (!CODE.matcher(code).matches()) {
            violations.add(new FieldViolation("code", "应为一个大写字母加 2–8 位数字，如 C020116"));
            code = null;
        }
        String name = RequestFields.text("name", request.name(), NAME_MAX, violations);
        String parent = request.parentCode() == null || request.parentCode().isBlank() ? null
                : request.parentCode().strip().toUpperCase(Locale.ROOT);
        if (parent != null) {
            if (!specialties.exists(parent)) {
                violations.add(new FieldViolation("parentCode", "上级分类不存在"));
            } else if (code != null && (!code.startsWith(parent) || code.length() <= parent.length())) {
                violations.add(new FieldViolation("code", "下级分类的代码应以上级分类代码 " + parent + " 开头"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        Specialty specialty = new Specialty(code, name, parent);
        if (specialties.exists(code)) {
            throw duplicate(code);
        }
        try {
            specialties.insert(specialty, access.userId(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(code);
        }
        audit.append(clock.instant(), access.userId(), "SPECIALTY_ADDED", "specialty", code, null);
        return ResponseEntity.created(URI.create("/api/specialties/" + code)).body(specialty);
    }

    private static ApiProblemException duplicate(String code) {
        return ApiProblemException.conflict("专业分类代码 " + code + " 已存在，不能重复新增。", "code", "代码已存在");
    }
}
