package cn.hlj.remoteeval.deadline.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The operators' view of the deadlines the calendar holds up: ids only, never a subject. */
@RestController
@RequestMapping("/api/deadlines")
@Tag(name = "期限")
class DeadlineController {

    static final int LIMIT = 1_000;

    private final DeadlineStore store;
    private final CurrentActor actor;

    DeadlineController(DeadlineStore store, CurrentActor actor) {
        this.store = store;
        this.actor = actor;
    }

    record AwaitingDeadline(String id, DeadlineKind kind, String tenderId, Integer missingYear) {
    }

    @GetMapping
    @Operation(summary = "等待年度节假日安排的期限", description = "仅运维人员；目前只支持 state=AWAITING_CALENDAR，最多 1000 条。")
    List<AwaitingDeadline> list(@RequestParam(required = false) String state) {
        if (!actor.isOperator()) {
            throw ApiProblemException.forbidden("只有运维人员可以查看期限列表。");
        }
        if (!DeadlineState.AWAITING_CALENDAR.name().equals(state)) {
            throw ApiProblemException.invalid("state", "目前只支持 AWAITING_CALENDAR");
        }
        return store.inState(DeadlineState.AWAITING_CALENDAR, LIMIT).stream()
                .map(d -> new AwaitingDeadline(d.id(), d.kind(), d.tenderId(), d.missingYear())).toList();
    }
}
