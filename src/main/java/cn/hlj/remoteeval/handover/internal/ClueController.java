package cn.hlj.remoteeval.handover.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.tender.TenderFacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Clues of wrongdoing of a tender, for its main venue; the description for the supervisor only. */
@RestController
@Tag(name = "违法违规线索")
class ClueController {

    private final ClueService clues;
    private final HandoverAccess access;

    ClueController(ClueService clues, HandoverAccess access) {
        this.clues = clues;
        this.access = access;
    }

    @Schema(name = "Clue", description = "副场移交的违法违规问题线索；报送副场只以匿名场次代码出现")
    record ClueView(String id, String sessionCode, ClueCategory category, String categoryLabel, LocalDate foundOn,
            ClueState state, String stateLabel, Instant reportedAt, Instant receivedAt, TransferBody transferBody,
            String transferBodyLabel, LocalDate transferredOn, String referenceNumber,
            @Schema(description = "线索内容（仅行政监督部门可见）") String description) {
    }

    @GetMapping("/api/tenders/{id}/clues")
    @Operation(summary = "标段的违法违规问题线索", description = "主场交易中心工作人员和行政监督部门查看；线索内容仅行政监督部门可见。")
    List<ClueView> ofTender(@PathVariable String id) {
        TenderFacts tender = access.requireMainVenueReader(id);
        boolean supervisor = access.isSupervisorOf(tender);
        return clues.ofTender(id).stream().map(c -> new ClueView(c.id(), c.sessionCode(), c.category(),
                c.category().label(), c.foundOn(), c.state(), c.state().label(), c.reportedAt(), c.receivedAt(),
                c.transferBody(), c.transferBody() == null ? null : c.transferBody().label(), c.transferredOn(),
                c.referenceNumber(), supervisor ? clues.description(c) : null)).toList();
    }
}
