package cn.hlj.remoteeval.audit.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计日志")
class AuditController {

    private final AuditLog log;
    private final CurrentActor actor;

    AuditController(AuditLog log, CurrentActor actor) {
        this.log = log;
        this.actor = actor;
    }

    @GetMapping("/tenders/{id}")
    @Operation(summary = "查看标段的审计记录（仅运维）")
    List<AuditEntry> forTender(@PathVariable String id) {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("审计记录仅运维人员可查看。");
        }
        return log.entriesFor(AuditLog.TENDER_SUBJECT, id);
    }
}
