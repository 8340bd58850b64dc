package cn.hlj.remoteeval.crossprovince.hosting;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.hlj.remoteeval.crossprovince.exchange.PartnerUnreachable;
import cn.hlj.remoteeval.crossprovince.internal.ProvincialCenterAccess;
import cn.hlj.remoteeval.crossprovince.internal.Provinces;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;

@RestController
@RequestMapping("/api/cross-province/hostings")
@Tag(name = "跨省远程异地评标")
class HostingController {

    private final HostingValidator validator;
    private final HostingService hostings;
    private final HostingHandovers handovers;
    private final ProvincialCenterAccess access;
    private final CurrentActor actor;
    private final TradingCenters centers;

    HostingController(HostingValidator validator, HostingService hostings, HostingHandovers handovers,
            ProvincialCenterAccess access, CurrentActor actor, TradingCenters centers) {
        this.validator = validator;
        this.hostings = hostings;
        this.handovers = handovers;
        this.access = access;
        this.actor = actor;
        this.centers = centers;
    }

    @PostMapping("/{id}/av-handover")
    @Operation(summary = "向合作省份移交本场次的音视频资料",
            description = "承接该场次的交易中心或省中心工作人员登记介质、时间和每个文件的 SHA-256，经跨省交换发送给主场所在省份。")
    ResponseEntity<HostingHandovers.HandoverView> handOver(@PathVariable String id,
            @RequestBody(required = false) HostingHandovers.HandoverRequest request) {
        try {
            return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(handovers.handOver(id, request));
        } catch (PartnerUnreachable e) {
            // The partner has no key or address (or is suspended): nothing was recorded, staff can try again later.
            throw ApiProblemException.conflict(e.getMessage() + "请联系运维人员登记后再移交。", null, null);
        }
    }

    @GetMapping("/{id}/av-handover")
    @Operation(summary = "查看本场次音视频资料的移交与合作省份回执")
    ResponseEntity<HostingHandovers.HandoverView> handover(@PathVariable String id) {
        return handovers.view(id).map(ResponseEntity::ok)
                .orElseThrow(() -> cn.hlj.remoteeval.web.ApiProblemException.notFound("该场次尚未移交音视频资料"));
    }

    @PostMapping
    @Operation(summary = "登记承接合作省份项目（本省作为副场）",
            description = "仅省公共资源交易中心工作人员可登记；只能在 PROV、HRB、QQHR 预订跨省评标工位。")
    ResponseEntity<HostingView> register(@RequestBody(required = false) HostingRequest request) {
        String user = access.require();
        HostingView view = hostings.register(validator.validate(request), user);
        return ResponseEntity.created(URI.create("/api/cross-province/hostings/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "列出承接的合作省份项目", description = "按评标日期筛选，默认自今天起一年；可按承接交易中心筛选。"
            + "省中心工作人员和运维人员可查看全部；哈尔滨、齐齐哈尔等常态化跨省副场的工作人员须按本中心查询（center）。")
    List<HostingView> list(
            @Parameter(description = "起始日期（含），默认今天", example = "2031-05-01") @RequestParam(required = false) String from,
            @Parameter(description = "截止日期（含），默认起始日期后一年", example = "2031-05-31") @RequestParam(required = false) String to,
            @Parameter(description = "承接交易中心代码，如 HRB；不填为全部（仅省中心工作人员和运维人员）", example = "HRB")
            @RequestParam(required = false) String center) {
        return hostings.list(from, to, listedCenters(center));
    }

    /**
     * Which centers' hostings the caller lists: the provincial center's staff and the operators any or all
     * (null); the staff of a permanent cross-province sub-venue only their own center, named in the request.
     */
    private Set<String> listedCenters(String center) {
        String code = center == null || center.isBlank() ? null : center.strip().toUpperCase();
        if (actor.isOperator() || actor.isStaffOf(Provinces.PROVINCIAL_CENTER)) {
            if (code == null) {
                return null;
            }
            if (centers.find(code).filter(TradingCenter::permanentCrossProvinceSubVenue).isEmpty()) {
                throw ApiProblemException.invalid("center", "承接交易中心应为常态化保障跨省远程异地评标的副场：" + permanentCenters());
            }
            return Set.of(code);
        }
        List<String> own = centers.all().stream().filter(TradingCenter::permanentCrossProvinceSubVenue)
                .map(TradingCenter::code).filter(actor::isStaffOf).toList();
        if (own.isEmpty()) {
            access.require(); // neither the provincial center's staff nor an operator: refused as before
        }
        if (code == null || !own.contains(code)) {
            throw ApiProblemException.forbidden("只能查看本中心承接的合作省份项目，请按本中心查询（center=" + own.get(0) + "）。");
        }
        return Set.of(code);
    }

    private String permanentCenters() {
        return String.join("、", centers.all().stream().filter(TradingCenter::permanentCrossProvinceSubVenue)
                .map(c -> c.name() + "（" + c.code() + "）").toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看承接记录")
    HostingView get(@PathVariable String id) {
        access.require();
        return hostings.view(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "取消承接", description = "释放已预订的跨省评标工位。")
    ResponseEntity<Void> cancel(@PathVariable String id) {
        String user = access.require();
        hostings.cancel(id, user);
        return ResponseEntity.noContent().build();
    }
}
