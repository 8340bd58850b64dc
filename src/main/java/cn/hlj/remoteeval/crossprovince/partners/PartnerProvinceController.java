package cn.hlj.remoteeval.crossprovince.partners;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.hlj.remoteeval.crossprovince.internal.Fields;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

@RestController
@RequestMapping("/api/partner-provinces")
@Tag(name = "合作省份")
class PartnerProvinceController {

    private final PartnerProvinceService provinces;
    private final PartnerTargetService targets;
    private final PartnerProvinceAccess access;

    PartnerProvinceController(PartnerProvinceService provinces, PartnerTargetService targets,
            PartnerProvinceAccess access) {
        this.provinces = provinces;
        this.targets = targets;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "列出合作省份及其状态")
    List<PartnerProvinceView> list() {
        access.requireReader();
        return provinces.list();
    }

    @PostMapping
    @Operation(summary = "登记合作省份（洽谈中）", description = "仅省公共资源交易中心工作人员可登记；省份代码如 JL（吉林省）。")
    ResponseEntity<PartnerProvinceView> register(
            @RequestBody(required = false) PartnerProvinceRequests.Registration request) {
        String user = access.requireKeeper();
        PartnerProvinceView view = provinces.register(request, user);
        return ResponseEntity.created(URI.create("/api/partner-provinces/" + view.code())).body(view);
    }

    @GetMapping("/targets")
    @Operation(summary = "合作省份目标完成情况", description = "政策（十）的目标在指定日期（默认今天）的完成情况。")
    PartnerTargetView targets(
            @Parameter(description = "评价日期，默认今天", example = "2026-11-30") @RequestParam(required = false) String on) {
        access.requireReader();
        LocalDate day;
        if (on == null) {
            day = targets.today();
        } else {
            List<FieldViolation> violations = new java.util.ArrayList<>();
            day = Fields.date("on", "评价日期", on, violations);
            if (!violations.isEmpty()) {
                throw ApiProblemException.invalid(violations);
            }
        }
        return PartnerTargetView.of(day, targets.riskDays(), targets.judge(day));
    }

    @GetMapping("/{code}")
    @Operation(summary = "查看合作省份及其状态变更记录")
    PartnerProvinceView get(@PathVariable String code) {
        access.requireReader();
        return provinces.view(code);
    }

    @PostMapping("/{code}/joint-test")
    @Operation(summary = "登记联调测试通过")
    PartnerProvinceView jointTest(@PathVariable String code,
            @RequestBody(required = false) PartnerProvinceRequests.JointTest request) {
        return provinces.passJointTest(code, request, access.requireKeeper());
    }

    @PostMapping("/{code}/connection")
    @Operation(summary = "登记互联互通", description = "须已通过联调测试。")
    PartnerProvinceView connection(@PathVariable String code,
            @RequestBody(required = false) PartnerProvinceRequests.Connection request) {
        return provinces.connect(code, request, access.requireKeeper());
    }

    @PostMapping("/{code}/suspension")
    @Operation(summary = "暂停合作", description = "已通过联调测试或已互联互通的省份可暂停，须说明原因。")
    PartnerProvinceView suspension(@PathVariable String code,
            @RequestBody(required = false) PartnerProvinceRequests.Suspension request) {
        return provinces.suspend(code, request, access.requireKeeper());
    }

    @PostMapping("/{code}/resumption")
    @Operation(summary = "恢复合作", description = "恢复到暂停前的状态。")
    PartnerProvinceView resumption(@PathVariable String code,
            @RequestBody(required = false) PartnerProvinceRequests.Resumption request) {
        return provinces.resume(code, request, access.requireKeeper());
    }
}
