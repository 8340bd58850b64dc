package cn.hlj.remoteeval.crossprovince.assignment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.hlj.remoteeval.crossprovince.internal.ProvincialCenterAccess;

@RestController
@Tag(name = "跨省远程异地评标")
class AssignmentController {

    private final AssignmentService assignments;
    private final ProvincialCenterAccess access;

    AssignmentController(AssignmentService assignments, ProvincialCenterAccess access) {
        this.assignments = assignments;
        this.access = access;
    }

    @PostMapping("/api/tenders/{id}/cross-province-assignment")
    @Operation(summary = "接收合作省份确定的副场安排（我省为主场的跨省项目）",
            description = "仅省公共资源交易中心工作人员可提交。预订主场的跨省评标工位；副场信息保密，只保存不回显。")
    ResponseEntity<AssignmentView> receive(@PathVariable String id,
            @RequestBody(required = false) AssignmentRequest request) {
        String user = access.require();
        return ResponseEntity.status(HttpStatus.CREATED).body(assignments.receive(id, request, user));
    }
}
