package cn.hlj.remoteeval.evaluation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.evaluation.RemoteSessions;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.Tenders;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The evaluation day as the main venue's staff and the supervisor see it for their own tender:
 * incidents raised at any venue and how they were handled, and who signed the report, by seat
 * number only, and the progress of the sessions a partner province holds, under a label that numbers
 * them. No view names an expert, a center, the partner province or who raised an incident.
 */
@RestController
@Tag(name = "评标")
class EvaluationController {

    private final EvaluationDayService days;
    private final Tenders tenders;
    private final CurrentActor actor;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationController(EvaluationDayService days, Tenders tenders, CurrentActor actor, AuditLog audit, Clock clock) {
        this.days = days;
        this.tenders = tenders;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "EvaluationIncident", description = "评标期间的突发情况及处置")
    record IncidentView(String id, @Schema(description = "匿名场次代码") String sessionCode,
            @Schema(description = "突发情况类型") String kind, Instant raisedAt,
            @Schema(description = "情况描述") String description, HandlingView handling) {
    }

    @Schema(name = "EvaluationIncidentHandling", description = "主场处置情况；尚未处置时为空")
    record HandlingView(@Schema(description = "处置措施") String measure, boolean resolved,
            @Schema(description = "处置说明") String note, Instant handledAt) {
    }

    @Schema(name = "ReportSignature", description = "评标报告电子签名（仅席位号）")
    record SignatureView(int seat, Instant signedAt, String signatureRef) {
    }

    @Schema(name = "PartnerSessionProgress", description = "合作省份场次的评标进度（不显示承办省份及其场所）")
    record PartnerSessionView(@Schema(description = "场次标签", example = "合作省份场次 1") String label,
            @Schema(description = "本场次评标专家席位数") int seats, @Schema(description = "开始评标时间") Instant startedAt,
            @Schema(description = "结束评标时间") Instant endedAt, @Schema(description = "已签署席位数") int signatures,
            @Schema(description = "全部席位签署完成时间；未完成时为空") Instant signedAt) {
    }

    @GetMapping("/api/tenders/{tenderId}/partner-sessions")
    @Operation(summary = "合作省份场次评标进度", description = "主场工作人员和主场行政监督部门查看合作省份所设场次报告的开始、结束和签署情况；"
            + "场次按序号标注，不显示承办省份及其场所。")
    List<PartnerSessionView> partnerSessions(@PathVariable String tenderId) {
        mainVenueOf(tenderId);
        List<RemoteSessions.Progress> progress = days.partnerSessionProgress(tenderId);
        List<PartnerSessionView> views = new ArrayList<>();
        for (int i = 0; i < progress.size(); i++) {
            RemoteSessions.Progress p = progress.get(i);
            views.add(new PartnerSessionView("合作省份场次 " + (i + 1), p.seats(), p.startedAt(), p.endedAt(), p.signatures(),
                    p.signedAt()));
        }
        return views;
    }

    @GetMapping("/api/tenders/{tenderId}/incidents")
    @Operation(summary = "评标突发情况", description = "主场工作人员和主场行政监督部门查看本标段各场次报告的突发情况及处置。")
    List<IncidentView> incidents(@PathVariable String tenderId) {
        mainVenueOf(tenderId);
        audit.append(clock.instant(), actor.userId(), "EVALUATION_INCIDENTS_VIEWED", AuditLog.TENDER_SUBJECT, tenderId, "");
        return days.incidents(tenderId).stream()
                .map(i -> new IncidentView(i.id(), i.sessionCode(), i.kind(), i.raisedAt(), i.description(),
                        i.handledAt() == null ? null
                                : new HandlingView(i.measure(), Boolean.TRUE.equals(i.resolved()), i.handlingNote(),
                                        i.handledAt())))
                .toList();
    }

    @GetMapping("/api/tenders/{tenderId}/report-signatures")
    @Operation(summary = "评标报告签署情况", description = "主场工作人员和主场行政监督部门查看各席位的电子签名回执（不含专家姓名）。")
    List<SignatureView> signatures(@PathVariable String tenderId) {
        mainVenueOf(tenderId);
        return days.signatures(tenderId).stream().map(s -> new SignatureView(s.seat(), s.signedAt(), s.signatureRef()))
                .toList();
    }

    private TenderFacts mainVenueOf(String tenderId) {
        TenderFacts tender = tenders.findVisibleToCaller(tenderId).orElseThrow(() -> ApiProblemException.notFound("标段不存在：" + tenderId));
        if (!actor.isStaffOf(tender.mainCenter()) && !actor.isSupervisorOf(tender.mainCenter())) {
            throw ApiProblemException.forbidden("仅主场工作人员和主场行政监督部门可以查看。");
        }
        return tender;
    }
}
