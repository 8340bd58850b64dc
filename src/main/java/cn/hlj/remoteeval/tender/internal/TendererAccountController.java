package cn.hlj.remoteeval.tender.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.security.TendererAccounts;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.RequestFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Which tenderer (招标人) a tenderer account speaks for: set by an operator, read by the operator and
 * the account itself. The account then reads the tenders registered with that tenderer's name.
 */
@RestController
@RequestMapping("/api/tenderer-accounts")
@Tag(name = "招标人账号")
class TendererAccountController {

    static final String AUDIT_SUBJECT = "TENDERER_ACCOUNT";

    private final TendererAccounts accounts;
    private final CurrentActor actor;
    private final AuditLog audit;
    private final Clock clock;

    TendererAccountController(TendererAccounts accounts, CurrentActor actor, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "TendererBinding", description = "招标人账号所代表的招标人")
    record Binding(@Schema(description = "账号") String userId, @Schema(description = "招标人名称（与登记标段时填写的一致）") String tenderer) {
    }

    @Schema(name = "TendererBindingRequest")
    record BindingRequest(@Schema(description = "招标人名称") String tenderer) {
    }

    @GetMapping("/{userId}")
    @Operation(summary = "查看招标人账号所代表的招标人", description = "运维人员或该账号本人可查看。")
    Binding get(@PathVariable String userId) {
        if (!actor.isOperator() && !userId.equals(actor.userId())) {
            throw ApiProblemException.forbidden("只能查看本人账号。");
        }
        if (!accounts.isTendererAccount(userId)) {
            throw ApiProblemException.notFound("招标人账号不存在：" + userId);
        }
        return new Binding(userId, accounts.tendererOf(userId).orElse(null));
    }

    @PutMapping("/{userId}")
    @Operation(summary = "设置招标人账号所代表的招标人", description = "仅运维人员可设置；该账号此后只能查看以该招标人名称登记的标段。")
    Binding bind(@PathVariable String userId, @RequestBody(required = false) BindingRequest request) {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("只有运维人员可以设置招标人账号。");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String tenderer = request == null ? null : RequestFields.text("tenderer", request.tenderer(), 200, violations);
        if (request == null) {
            violations.add(new FieldViolation("body", "请求体不能为空"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        if (!accounts.isTendererAccount(userId)) {
            throw ApiProblemException.notFound("招标人账号不存在：" + userId);
        }
        accounts.bind(userId, tenderer);
        audit.append(clock.instant(), actor.userId(), "TENDERER_ACCOUNT_BOUND", AUDIT_SUBJECT, userId, "tenderer=" + tenderer);
        return new Binding(userId, tenderer.strip());
    }
}
