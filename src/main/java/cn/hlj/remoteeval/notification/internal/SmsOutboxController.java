package cn.hlj.remoteeval.notification.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/sms-outbox")
@Tag(name = "短信发件箱")
class SmsOutboxController {

    private static final int MAX_LIMIT = 500;

    private final JdbcSmsOutboxStore store;
    private final CurrentActor actor;

    SmsOutboxController(JdbcSmsOutboxStore store, CurrentActor actor) {
        this.store = store;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "查看短信发送状态（仅运维）", description = "按创建时间倒序；不含手机号和短信内容。")
    List<OutboxEntryView> list(
            @Parameter(description = "状态：PENDING、SENDING、SENT 或 FAILED，缺省为全部") @RequestParam(required = false) String state,
            @Parameter(description = "条数，1 至 500，默认 100") @RequestParam(required = false) Integer limit) {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("短信发件箱仅运维人员可查看。");
        }
        OutboxState filter = null;
        if (state != null && !state.isBlank()) {
            try {
                filter = OutboxState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                throw ApiProblemException.invalid("state", "状态须为 PENDING、SENDING、SENT 或 FAILED。");
            }
        }
        int rows = limit == null ? 100 : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw ApiProblemException.invalid("limit", "条数须在 1 至 " + MAX_LIMIT + " 之间。");
        }
        return store.recent(filter, rows).stream().map(OutboxEntryView::of).toList();
    }
}
