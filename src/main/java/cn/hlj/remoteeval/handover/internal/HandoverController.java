package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The A/V hand-overs as the main venue follows them (per tender, sub-venues by session code only)
 * and as a center's staff see what they owe (session code, due date, state: no tender, no main venue).
 */
@RestController
@Tag(name = "音视频资料移交")
class HandoverController {

    private final HandoverService handovers;
    private final HandoverAccess access;

    HandoverController(HandoverService handovers, HandoverAccess access) {
        this.handovers = handovers;
        this.access = access;
    }

    @Schema(name = "HandoverItem", description = "移交的一个文件及其 SHA-256 校验值")
    record ItemView(int no, String fileName, String sha256) {
    }

    @Schema(name = "TenderHandover", description = "标段的一项音视频资料移交；副场只以匿名场次代码出现")
    record TenderHandoverView(String id, @Schema(description = "SUB_VENUE_TO_MAIN 或 MAIN_TO_TENDERER") HandoverLeg leg,
            String legLabel, @Schema(description = "副场的匿名场次代码；移交招标人时为空") String sessionCode,
            HandoverState state, String stateLabel, @Schema(description = "期限最后一日") LocalDate dueDate,
            @Schema(description = "是否曾逾期") boolean overdue, Medium medium, String mediumLabel, Integer itemCount,
            Instant handedAt, @Schema(description = "移交人（仅主场移交招标人时显示）") String handedBy, Instant receivedAt,
            @Schema(description = "主场接收人") String receivedBy, @Schema(description = "招标人接收人") String tendererReceiver,
            List<ItemView> items) {
    }

    @Schema(name = "CenterHandover", description = "本中心应办理的一项音视频资料移交")
    record CenterHandoverView(String id, HandoverLeg leg, String legLabel,
            @Schema(description = "本中心作为副场的匿名场次代码") String sessionCode,
            @Schema(description = "标段ID（仅本中心为主场、移交招标人时显示）") String tenderId, LocalDate dueDate,
            HandoverState state, String stateLabel, boolean overdue) {
    }

    @GetMapping("/api/tenders/{id}/handovers")
    @Operation(summary = "标段的音视频资料移交", description = "主场交易中心工作人员和行政监督部门查看；副场只显示匿名场次代码。")
    List<TenderHandoverView> ofTender(@PathVariable String id) {
        access.requireMainVenueReader(id);
        return handovers.ofTender(id).stream().map(this::tenderView).toList();
    }

    @GetMapping("/api/centers/{center}/handovers")
    @Operation(summary = "本中心应办理的音视频资料移交", description = "作为副场应移交主场的（匿名场次代码），以及作为主场应移交招标人的。")
    List<CenterHandoverView> ofCenter(@PathVariable String center) {
        access.requireCenterStaff(center);
        return handovers.toBeHandedOverBy(center).stream()
                .map(h -> new CenterHandoverView(h.id(), h.leg(), h.leg().label(), h.sessionCode(),
                        h.leg() == HandoverLeg.MAIN_TO_TENDERER ? h.tenderId() : null, h.dueDate(), h.state(),
                        h.state().label(), h.breachedAt() != null))
                .toList();
    }

    private TenderHandoverView tenderView(AvHandover h) {
        boolean toTenderer = h.leg() == HandoverLeg.MAIN_TO_TENDERER;
        List<ItemView> items = h.itemCount() == null ? List.of()
                : handovers.items(h.id()).stream().map(i -> new ItemView(i.no(), i.fileName(), i.sha256())).toList();
        return new TenderHandoverView(h.id(), h.leg(), h.leg().label(), h.sessionCode(), h.state(), h.state().label(),
                h.dueDate(), h.breachedAt() != null, h.medium(), h.medium() == null ? null : h.medium().label(),
                h.itemCount(), h.handedAt(), toTenderer ? h.handedBy() : null, toTenderer ? h.handedAt() : h.receivedAt(),
                toTenderer ? null : h.receivedBy(), toTenderer ? h.tendererReceiver() : null, items);
    }
}
