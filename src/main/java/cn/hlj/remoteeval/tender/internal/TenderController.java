package cn.hlj.remoteeval.tender.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.web.RequestFields;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/tenders")
@Tag(name = "标段")
class TenderController {

    private final TenderRegistrationValidator validator;
    private final TenderService tenders;
    private final CurrentActor actor;
    private final Clock clock;
    private final TenderReaders readers;
    private final TenderList list;
    private final AccountCenters centers;

    TenderController(TenderRegistrationValidator validator, TenderService tenders, CurrentActor actor, Clock clock,
            TenderReaders readers, TenderList list, AccountCenters centers) {
        this.validator = validator;
        this.tenders = tenders;
        this.actor = actor;
        this.clock = clock;
        this.readers = readers;
        this.list = list;
        this.centers = centers;
    }

    @PostMapping
    @Operation(summary = "登记标段并启动远程异地评标流程", description = "仅主场交易中心工作人员可登记本中心的标段。")
    ResponseEntity<TenderView> register(@RequestBody(required = false) TenderRegistrationRequest request) {
        TenderRegistration registration = validator.validate(request);
        if (!actor.isOperator() && !actor.isStaffOf(registration.mainCenter())) {
            throw ApiProblemException.forbidden("只能由主场交易中心（" + registration.mainCenter() + "）的工作人员登记该标段。");
        }
        TenderView view = tenders.register(registration, actor.userId());
        return ResponseEntity.created(URI.create("/api/tenders/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "查看标段", description = "不包含任何评标专家或副场信息。仅主场交易中心的工作人员和行政监督、"
            + "省交易中心、省发展改革委、运维人员以及该标段的招标人可查看；其他人看到的是“标段不存在”。")
    TenderView get(@PathVariable String id) {
        return readable(id);
    }

    /**
     * The tender, if the caller may read it; else the 404 of an unknown tender, so that a write
     * endpoint's 403 (which names the main center) never tells anybody else that the tender exists.
     */
    private TenderView readable(String id) {
        TenderView view = tenders.view(id);
        if (!readers.maySee(view.mainCenter(), view.tenderer())) {
            throw TenderService.notFound(id);
        }
        return view;
    }

    @Schema(name = "TenderListPage", description = "标段列表的一页，按登记时间倒序")
    record ListPage(List<TenderList.Row> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "标段列表", description = "只列出调用者可查看的标段；可按主场交易中心、状态、类别、评标日期范围和"
            + "标段编号或名称筛选，分页（page 从 0 开始，size 1 到 100，默认 20）。")
    ListPage list(@RequestParam(required = false) String center, @RequestParam(required = false) String state,
            @RequestParam(required = false) String category, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String q,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<FieldViolation> violations = new ArrayList<>();
        String centerCode = null;
        if (center != null && !center.isBlank()) {
            centerCode = center.strip().toUpperCase(java.util.Locale.ROOT);
            String code = centerCode;
            // Asked each time: centers join the directory while the application runs.
            if (centers.centers().stream().noneMatch(known -> known.code().equals(code))) {
                violations.add(new FieldViolation("center", "未知的交易中心代码：" + center.strip()));
            }
        }
        TenderState stateValue = blank(state) ? null : RequestFields.enumValue("state", state, TenderState.class, violations);
        Category categoryValue = blank(category) ? null
                : RequestFields.enumValue("category", category, Category.class, violations);
        LocalDate fromDate = blank(from) ? null : RequestFields.date("from", from, violations);
        LocalDate toDate = blank(to) ? null : RequestFields.date("to", to, violations);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            violations.add(new FieldViolation("to", "结束日期不能早于开始日期"));
        }
        String text = blank(q) ? null : q.strip();
        if (text != null && text.length() > 100) {
            violations.add(new FieldViolation("q", "检索词不能超过 100 个字符"));
        }
        int pageNo = whole("page", page, 0, 0, 100_000, violations);
        int pageSize = whole("size", size, 20, 1, 100, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        TenderList.Page found = list.find(readers.reach(),
                new TenderList.Filter(centerCode, stateValue, categoryValue, fromDate, toDate, text, pageNo, pageSize));
        return new ListPage(found.items(), found.page(), found.size(), found.total());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int whole(String field, String value, int absent, int min, int max, List<FieldViolation> violations) {
        if (blank(value)) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        violations.add(new FieldViolation(field, "应为 " + min + " 到 " + max + " 之间的整数"));
        return absent;
    }

    @Schema(name = "WinningBidder", description = "登记中标人")
    record WinnerRequest(@Schema(description = "中标人名称") String winningBidder,
            @Schema(description = "确定中标人日期", example = "2026-12-20") String decidedOn) {
    }

    @PostMapping("/{id}/winner")
    @Operation(summary = "登记不实行远程异地评标标段的中标人")
    TenderView winner(@PathVariable String id, @RequestBody(required = false) WinnerRequest request) {
        String mainCenter = readable(id).mainCenter();
        if (!actor.isOperator() && !actor.isStaffOf(mainCenter)) {
            throw ApiProblemException.forbidden("只能由主场交易中心（" + mainCenter + "）的工作人员登记中标人。");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String bidder = request == null ? null : RequestFields.text("winningBidder", request.winningBidder(), 200, violations);
        LocalDate decidedOn = request == null ? null
                : RequestFields.pastOrToday("decidedOn", request.decidedOn(), LocalDate.now(clock), violations);
        if (request == null) {
            violations.add(new FieldViolation("body", "请求体不能为空"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return tenders.recordWinningBidder(id, bidder, decidedOn, actor.userId());
    }

    @Schema(name = "ExemptionExplanation", description = "不实行远程异地评标的书面说明")
    record ExplanationRequest(@Schema(description = "书面说明内容或其文号") String explanation,
            @Schema(description = "提交行政监督部门的日期", example = "2026-12-22") String submittedOn) {
    }

    @PostMapping("/{id}/exemption-explanation")
    @Operation(summary = "登记招标人提交行政监督部门的书面说明", description = "该标段的招标人（已绑定该招标人的账号）或主场行政监督部门可登记。")
    TenderView exemptionExplanation(@PathVariable String id, @RequestBody(required = false) ExplanationRequest request) {
        TenderView tender = readable(id);
        String mainCenter = tender.mainCenter();
        if (!actor.isOperator() && !readers.speaksFor(tender.tenderer()) && !actor.isSupervisorOf(mainCenter)) {
            throw ApiProblemException.forbidden("只能由招标人或主场（" + mainCenter + "）行政监督部门登记书面说明。");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String text = request == null ? null : RequestFields.text("explanation", request.explanation(), 4000, violations);
        LocalDate submittedOn = request == null ? null
                : RequestFields.pastOrToday("submittedOn", request.submittedOn(), LocalDate.now(clock), violations);
        if (request == null) {
            violations.add(new FieldViolation("body", "请求体不能为空"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return tenders.fileExemptionExplanation(id, text, submittedOn, actor.userId());
    }

    @Schema(name = "EvaluationSlot", description = "调整后的评标日期和时段")
    record EvaluationSlotRequest(@Schema(description = "评标日期", example = "2026-12-21") String evaluationDate,
            @Schema(description = "上午 AM / 下午 PM") String halfDay) {
    }

    @PostMapping("/{id}/evaluation-slot")
    @Operation(summary = "调整评标日期或时段", description = "已预订的评标工位随之释放，重新确定评标场地。仅主场交易中心工作人员可调整。")
    TenderView moveEvaluation(@PathVariable String id, @RequestBody(required = false) EvaluationSlotRequest request) {
        String mainCenter = readable(id).mainCenter();
        if (!actor.isOperator() && !actor.isStaffOf(mainCenter)) {
            throw ApiProblemException.forbidden("只能由主场交易中心（" + mainCenter + "）的工作人员调整评标时间。");
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        LocalDate date = RequestFields.date("evaluationDate", request.evaluationDate(), violations);
        HalfDay halfDay = RequestFields.enumValue("halfDay", request.halfDay(), HalfDay.class, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return tenders.moveEvaluation(id, new Slot(date, halfDay), actor.userId());
    }

    @Schema(name = "Withdrawal", description = "撤回标段")
    record WithdrawalRequest(@Schema(description = "撤回原因") String reason) {
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "撤回标段", description = "流程终止，已预订的评标工位随之释放。仅主场交易中心工作人员可撤回。")
    TenderView withdraw(@PathVariable String id, @RequestBody(required = false) WithdrawalRequest request) {
        String mainCenter = readable(id).mainCenter();
        if (!actor.isOperator() && !actor.isStaffOf(mainCenter)) {
            throw ApiProblemException.forbidden("只能由主场交易中心（" + mainCenter + "）的工作人员撤回标段。");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String reason = request == null ? null : RequestFields.text("reason", request.reason(), 500, violations);
        if (request == null) {
            violations.add(new FieldViolation("body", "请求体不能为空"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return tenders.withdraw(id, reason, actor.userId());
    }

    @Schema(name = "Bidders", description = "开标时登记的投标人")
    record BiddersRequest(@Schema(description = "投标人名称，按开标顺序") List<String> bidders) {
    }

    @PostMapping("/{id}/bidders")
    @Operation(summary = "登记投标人（开标后）", description = "投标人在开标时才确定；登记后对已抽取的评标专家重新进行回避检查，"
            + "需回避的专家由系统补抽。仅主场交易中心工作人员可登记；重新登记会替换原名单。")
    TenderView recordBidders(@PathVariable String id, @RequestBody(required = false) BiddersRequest request) {
        String mainCenter = readable(id).mainCenter();
        if (!actor.isOperator() && !actor.isStaffOf(mainCenter)) {
            throw ApiProblemException.forbidden("只能由主场交易中心（" + mainCenter + "）的工作人员登记投标人。");
        }
        if (request == null || request.bidders() == null) {
            throw ApiProblemException.invalid("bidders", "不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        List<String> names = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (request.bidders().size() > 500) {
            violations.add(new FieldViolation("bidders", "投标人不能超过 500 个"));
        }
        for (int i = 0; i < request.bidders().size() && violations.isEmpty(); i++) {
            String field = "bidders[" + i + "]";
            String name = RequestFields.text(field, request.bidders().get(i), 200, violations);
            if (name != null && !seen.add(name)) {
                violations.add(new FieldViolation(field, "投标人重复：" + name));
            } else if (name != null) {
                names.add(name);
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        // The tender's background jobs (draws) may save it at the same moment; the bidders are simply recorded again.
        for (int attempt = 1;; attempt++) {
            try {
                return tenders.recordBidders(id, names, actor.userId());
            } catch (org.springframework.dao.OptimisticLockingFailureException concurrentJob) {
                if (attempt == 3) {
                    throw concurrentJob;
                }
            }
        }
    }
}
