package cn.hlj.remoteeval.crossprovince.partners;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.internal.Fields;
import cn.hlj.remoteeval.crossprovince.internal.Provinces;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * The register of partner provinces: each step, its history line and its audit entry in one transaction.
 * Public only for {@link #passJointTestByRun} (crossprovince.jointtest); the rest is the controller's.
 */
@Service
@Transactional
public class PartnerProvinceService {

    static final String AUDIT_SUBJECT = "PARTNER_PROVINCE";

    private static final Logger log = LoggerFactory.getLogger(PartnerProvinceService.class);

    private final PartnerProvinceStore store;
    private final AuditLog audit;
    private final Clock clock;

    PartnerProvinceService(PartnerProvinceStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    PartnerProvinceView register(PartnerProvinceRequests.Registration request, String user) {
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String code = Fields.text("code", "省份代码", request.code(), 8, violations);
        String name = null;
        if (code != null) {
            code = code.toUpperCase();
            name = Provinces.partnerName(code).orElse(null);
            if (name == null) {
                violations.add(new FieldViolation("code", "省份代码应为本省以外的省级行政区代码之一："
                        + String.join("、", Provinces.PARTNERS.keySet())));
            }
        }
        LocalDate started = Fields.date("negotiationStartedOn", "开始洽谈日期", request.negotiationStartedOn(), violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        PartnerProvince province = PartnerProvince.register(code, name, started, today());
        if (store.find(code).isPresent()) {
            throw duplicate(name);
        }
        Instant now = clock.instant();
        try {
            store.insert(province, user, now);
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
        record(null, province, null, user, now);
        return view(province);
    }

    PartnerProvinceView passJointTest(String code, PartnerProvinceRequests.JointTest request, String user) {
        LocalDate on = date("passedOn", "联调测试通过日期", request == null ? null : request.passedOn());
        return step(code, null, user, p -> p.passJointTest(on, today()));
    }

    /**
     * A joint-test run in which every scenario passed (crossprovince.jointtest): a negotiating partner
     * passes its joint test today, with the run's id as the step's reason in its history; in any other
     * state nothing changes (the run is its own record).
     *
     * @return whether the partner moved to "joint test passed"
     * @throws ApiProblemException 404 for an unknown partner, 409 when another step won meanwhile
     */
    public boolean passJointTestByRun(String code, String runId, String user) {
        if (load(code).state() != PartnerState.NEGOTIATING) {
            return false;
        }
        LocalDate today = today();
        step(code, "联调测试运行 " + runId + " 全部场景通过", user, p -> p.passJointTest(today, today));
        return true;
    }

    PartnerProvinceView connect(String code, PartnerProvinceRequests.Connection request, String user) {
        LocalDate on = date("connectedOn", "互联互通日期", request == null ? null : request.connectedOn());
        return step(code, null, user, p -> p.connect(on, today()));
    }

    PartnerProvinceView suspend(String code, PartnerProvinceRequests.Suspension request, String user) {
        LocalDate on = date("suspendedOn", "暂停日期", request == null ? null : request.suspendedOn());
        String reason = request == null ? null : request.reason();
        return step(code, reason == null ? null : reason.strip(), user, p -> p.suspend(on, reason, today()));
    }

    PartnerProvinceView resume(String code, PartnerProvinceRequests.Resumption request, String user) {
        LocalDate on = date("resumedOn", "恢复日期", request == null ? null : request.resumedOn());
        return step(code, null, user, p -> p.resume(on, today()));
    }

    /**
     * The two-province demo's partner, entered as connected from today with its steps recorded like any
     * other (no check of the name against the list of provinces: the partner simulator's partner is this
     * province's own code). Nothing when the code is already registered.
     */
    void enterDemoPartner(String code, String name, String user) {
        if (store.find(code).isPresent()) {
            return;
        }
        LocalDate today = today();
        Instant now = clock.instant();
        PartnerProvince registered = PartnerProvince.register(code, name, today, today);
        store.insert(registered, user, now);
        record(null, registered, null, user, now);
        PartnerProvince tested = registered.passJointTest(today, today);
        store.update(tested, registered.version());
        record(registered, tested, null, user, now);
        PartnerProvince connected = tested.connect(today, today);
        store.update(connected, tested.version());
        record(tested, connected, null, user, now);
    }

    @Transactional(readOnly = true)
    List<PartnerProvinceView> list() {
        return store.all().stream().map(p -> PartnerProvinceView.of(p, null)).toList();
    }

    @Transactional(readOnly = true)
    PartnerProvinceView view(String code) {
        return view(load(code));
    }

    private PartnerProvinceView step(String code, String reason, String user, UnaryOperator<PartnerProvince> step) {
        PartnerProvince before = load(code);
        PartnerProvince after = step.apply(before);
        if (!store.update(after, before.version())) {
            throw ApiProblemException.conflict(before.name() + "的状态刚被他人修改，请刷新后重试。", null, null);
        }
        record(before, after, reason, user, clock.instant());
        return view(after);
    }

    private void record(PartnerProvince before, PartnerProvince after, String reason, String user, Instant now) {
        PartnerChange change = after.changeFrom(before, reason, user, now);
        store.append(after.code(), change);
        audit.append(now, user, "PARTNER_PROVINCE_" + after.state().name(), AUDIT_SUBJECT, after.code(),
                "from=" + (before == null ? "-" : before.state().name()) + " to=" + after.state().name()
                        + " effectiveOn=" + change.effectiveOn());
        log.info("Partner province {} now {} (effective {})", after.code(), after.state(), change.effectiveOn());
    }

    private PartnerProvince load(String code) {
        String normalized = code == null ? "" : code.strip().toUpperCase();
        return store.find(normalized).orElseThrow(() -> ApiProblemException.notFound("合作省份未登记：" + code));
    }

    private PartnerProvinceView view(PartnerProvince province) {
        return PartnerProvinceView.of(province, store.history(province.code()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ReportMonth.PROVINCE);
    }

    private static LocalDate date(String field, String label, String value) {
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate date = Fields.date(field, label, value, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return date;
    }

    private static ApiProblemException duplicate(String name) {
        return ApiProblemException.conflict(name + "已登记为合作省份，不能重复登记。", "code", "该省份已登记");
    }
}
