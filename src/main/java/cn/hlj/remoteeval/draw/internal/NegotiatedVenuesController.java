package cn.hlj.remoteeval.draw.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.draw.internal.VenueNegotiationService.Candidates;
import cn.hlj.remoteeval.draw.internal.VenueNegotiationService.Negotiated;
import cn.hlj.remoteeval.draw.internal.VenueNegotiationService.NegotiatedVenues;
import cn.hlj.remoteeval.draw.internal.VenueNegotiationService.SubVenue;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/tenders/{id}")
@Tag(name = "协商确定副场")
class NegotiatedVenuesController {

    private final VenueNegotiationService negotiations;

    NegotiatedVenuesController(VenueNegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @Schema(name = "NegotiatedVenues", description = "协商确定的主场席位数和副场")
    record NegotiationRequest(@Schema(description = "主场席位数") Integer mainVenueSeats,
            @Schema(description = "副场：交易中心代码和席位数") List<SubVenue> subVenues) {
    }

    @GetMapping("/negotiation-candidates")
    @Operation(summary = "查看可协商的交易中心及其空余评标工位", description = "仅在行政监督部门确认协商确定副场后，主场工作人员和行政监督部门可查看；每次查看记入审计日志。")
    Candidates candidates(@PathVariable String id) {
        return negotiations.candidates(id);
    }

    @PostMapping("/negotiated-venues")
    @Operation(summary = "录入并预订协商确定的副场", description = "校验分布要求（其他 2 个及以上交易中心、不得集中）并预订评标工位，登记协商人和时间，完成待办任务。")
    ResponseEntity<Negotiated> negotiate(@PathVariable String id, @RequestBody(required = false) NegotiationRequest request) {
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        Negotiated negotiated = negotiations.negotiate(id, request.mainVenueSeats(), request.subVenues());
        return ResponseEntity.created(URI.create("/api/tenders/" + id + "/negotiated-venues")).body(negotiated);
    }

    @GetMapping("/negotiated-venues")
    @Operation(summary = "查看协商确定的副场", description = "仅主场工作人员和行政监督部门可查看；每次查看记入审计日志。")
    NegotiatedVenues negotiated(@PathVariable String id) {
        return negotiations.negotiatedVenues(id);
    }
}
