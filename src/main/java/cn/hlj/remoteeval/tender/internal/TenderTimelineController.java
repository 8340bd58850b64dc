package cn.hlj.remoteeval.tender.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.Deadlines;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A tender's milestones and deadlines for its page in the workbench: the same people who may read the
 * tender. Milestones come from the audit log but only by name and time: an entry's detail (seeds,
 * record ids, reasons) never leaves it, and no milestone is about one expert or one sub-venue.
 */
@RestController
@Tag(name = "标段")
class TenderTimelineController {

    /** The milestones shown, and their names; everything else in the audit log stays there. */
    private static final Map<String, String> MILESTONES = Map.ofEntries(
            Map.entry("TENDER_REGISTERED", "登记标段"),
            Map.entry("TENDER_CLASSIFIED", "确定评标组织方式"),
            Map.entry("VENUE_DRAW_COMPLETED", "随机抽取副场"),
            Map.entry("VENUE_DRAW_NO_RANDOM_PICK", "随机抽取副场未能满足要求"),
            Map.entry("VENUE_NEGOTIATION_APPROVED", "行政监督部门同意协商确定副场"),
            Map.entry("VENUE_NEGOTIATION_REFUSED", "行政监督部门不同意协商确定副场"),
            Map.entry("VENUES_NEGOTIATED", "录入协商确定的副场"),
            Map.entry("VENUES_ARRANGED", "评标场地已确定"),
            Map.entry("EXPERT_DRAW_COMPLETED", "随机抽取评标专家"),
            Map.entry("EXPERT_DRAW_NO_RANDOM_PICK", "可抽取的评标专家不足"),
            Map.entry("EXPERT_SUPPLEMENTARY_DRAW_COMPLETED", "补抽评标专家"),
            Map.entry("NATIONAL_EXPERT_DRAW_RECORDED", "登记国家库专家抽取结果"),
            Map.entry("PARTNER_EXPERT_DRAW_REQUESTED", "请求合作省份抽取评标专家"),
            Map.entry("PARTNER_EXPERT_DRAW_RESULT", "收到合作省份专家抽取结果"),
            Map.entry("EVALUATION_MOVED", "调整评标时间"),
            Map.entry("EVALUATION_STARTED", "评标开始"),
            Map.entry("EVALUATION_INCIDENT_RAISED", "报告突发情况"),
            Map.entry("EVALUATION_INCIDENT_HANDLED", "处置突发情况"),
            Map.entry("EVALUATION_ENDED", "评标结束"),
            Map.entry("WINNING_BIDDER_RECORDED", "登记中标人"),
            Map.entry("EXEMPTION_EXPLANATION_FILED", "提交书面说明"),
            Map.entry("EXEMPTION_EXPLANATION_ACKNOWLEDGED", "行政监督部门确认收到书面说明"),
            Map.entry("TENDER_WITHDRAWN", "撤回标段"));

    /** What a tenderer sees of its own tender: its dates, not how venues and experts were arranged. */
    private static final Set<String> TENDERER_MILESTONES = Set.of("TENDER_REGISTERED", "TENDER_CLASSIFIED",
            "EVALUATION_MOVED", "EVALUATION_STARTED", "EVALUATION_ENDED", "WINNING_BIDDER_RECORDED",
            "EXEMPTION_EXPLANATION_FILED", "EXEMPTION_EXPLANATION_ACKNOWLEDGED", "TENDER_WITHDRAWN");

    private static final Set<DeadlineKind> TENDERER_DEADLINES = EnumSet.of(DeadlineKind.AV_HANDOVER_TO_TENDERER,
            DeadlineKind.EXEMPTION_EXPLANATION);

    private static final Map<DeadlineKind, String> DEADLINE_NAMES = Map.of(
            DeadlineKind.AV_HANDOVER_TO_MAIN, "副场向主场移交音视频资料",
            DeadlineKind.AV_HANDOVER_TO_TENDERER, "主场向招标人移交音视频等资料",
            DeadlineKind.CLUE_TO_MAIN, "副场向主场移送违法违规线索",
            DeadlineKind.CLUE_TRANSFER, "主场移送违法违规线索",
            DeadlineKind.EXEMPTION_EXPLANATION, "招标人提交书面说明",
            DeadlineKind.MONTHLY_REPORT, "月度报告");

    private static final Map<DeadlineState, String> DEADLINE_STATES = Map.of(
            DeadlineState.SCHEDULED, "进行中",
            DeadlineState.AWAITING_CALENDAR, "待运维人员导入节假日安排后计算",
            DeadlineState.REMINDED, "已提醒",
            DeadlineState.BREACHED, "已逾期",
            DeadlineState.COMPLETED, "已按期完成",
            DeadlineState.CANCELLED, "已取消");

    private final TenderService tenders;
    private final TenderReaders readers;
    private final AuditLog audit;
    private final Deadlines deadlines;

    TenderTimelineController(TenderService tenders, TenderReaders readers, AuditLog audit, Deadlines deadlines) {
        this.tenders = tenders;
        this.readers = readers;
        this.audit = audit;
        this.deadlines = deadlines;
    }

    @Schema(name = "TenderMilestone", description = "标段的一个节点：时间、名称，以及（仅工作人员可见）经办人")
    record Milestone(Instant at, String action, String label, String by) {
    }

    @Schema(name = "TenderDeadline", description = "标段的一项期限")
    record DeadlineView(DeadlineKind kind, String label, DeadlineState state, String stateLabel,
            @Schema(description = "期限最后一日；待导入节假日安排时为空") LocalDate dueDate, Instant dueAt,
            @Schema(description = "缺少节假日安排的年份") Integer missingYear) {
    }

    @Schema(name = "TenderTimeline", description = "标段的状态时间线和期限")
    record Timeline(String tenderId, String state, String stateLabel, List<Milestone> milestones,
            List<DeadlineView> deadlines) {
    }

    @GetMapping("/api/tenders/{id}/timeline")
    @Operation(summary = "标段的状态时间线和期限", description = "可查看该标段的人可见；招标人只看到与其有关的节点和期限，不显示经办人。")
    Timeline timeline(@PathVariable String id) {
        TenderView view = tenders.view(id);
        TenderReaders.Reach reach = readers.reach();
        if (!reach.sees(view.mainCenter(), view.tenderer())) {
            throw TenderService.notFound(id);
        }
        boolean official = reach.official(view.mainCenter());
        List<Milestone> milestones = audit.entriesFor(AuditLog.TENDER_SUBJECT, id).stream()
                .filter(entry -> MILESTONES.containsKey(entry.action()))
                .filter(entry -> official || TENDERER_MILESTONES.contains(entry.action()))
                .map(entry -> new Milestone(entry.occurredAt(), entry.action(), MILESTONES.get(entry.action()),
                        official ? entry.actor() : null))
                .sorted(Comparator.comparing(Milestone::at))
                .toList();
        List<DeadlineView> due = deadlines.ofTender(id).stream()
                .filter(ticket -> official || TENDERER_DEADLINES.contains(ticket.kind()))
                .map(ticket -> new DeadlineView(ticket.kind(), DEADLINE_NAMES.get(ticket.kind()), ticket.state(),
                        DEADLINE_STATES.get(ticket.state()), ticket.dueDate(), ticket.dueAt(), ticket.missingYear()))
                .toList();
        return new Timeline(id, view.state().name(), view.stateLabel(), milestones, due);
    }
}
