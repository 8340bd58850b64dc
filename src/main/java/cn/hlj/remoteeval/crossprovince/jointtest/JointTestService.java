package cn.hlj.remoteeval.crossprovince.jointtest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport;
import cn.hlj.remoteeval.crossprovince.partners.PartnerProvinceService;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * Runs the joint test against a partner: every scenario in order, outside any transaction (they wait on
 * the partner's node), then the run, its results, its audit entry and, when every scenario passed on a
 * negotiating partner, the register's step to "joint test passed" in one transaction.
 */
@Service
class JointTestService {

    static final String AUDIT_ACTION = "PARTNER_JOINT_TEST_RUN";
    static final String AUDIT_SUBJECT = "PARTNER_PROVINCE";

    private static final Logger log = LoggerFactory.getLogger(JointTestService.class);

    private final JointTestStore store;
    private final JointTestSigning signing;
    private final ExchangeTransport transport;
    private final PartnerProvinceService register;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JointTestService(JointTestStore store, JointTestSigning signing, ExchangeTransport transport,
            PartnerProvinceService register, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.signing = signing;
        this.transport = transport;
        this.register = register;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    JointTestRunView run(String code, String user) {
        JointTestStore.Partner partner = partner(code);
        URI endpoint = ready(partner);
        String runId = UUID.randomUUID().toString();
        Instant startedAt = clock.instant();
        List<JointTestRunView.Result> results = runScenarios(
                new JointTestProbe(signing, transport, partner.code(), endpoint, runId));
        boolean passed = results.stream().allMatch(JointTestRunView.Result::passed);
        Instant finishedAt = clock.instant();
        JointTestRunView run = transactions.execute(status -> {
            boolean moved = passed && register.passJointTestByRun(partner.code(), runId, user);
            JointTestRunView recorded = new JointTestRunView(runId, partner.code(), startedAt, finishedAt, user, passed,
                    moved, results);
            store.insert(recorded);
            audit.append(finishedAt, user, AUDIT_ACTION, AUDIT_SUBJECT, partner.code(), "run=" + runId + " passed=" + passed
                    + " failed=" + results.stream().filter(r -> !r.passed()).map(JointTestRunView.Result::scenario).toList()
                    + (moved ? " step=JOINT_TEST_PASSED" : ""));
            return recorded;
        });
        log.info("Joint test {} against {}: {}{}", runId, partner.code(), passed ? "passed" : "failed",
                run.movedPartner() ? ", partner now JOINT_TEST_PASSED" : "");
        return run;
    }

    List<JointTestRunView> runs(String code) {
        return store.runs(partner(code).code());
    }

    JointTestRunView find(String code, String runId) {
        return store.run(partner(code).code(), runId)
                .orElseThrow(() -> ApiProblemException.notFound("联调测试记录不存在：" + runId));
    }

    /** Every scenario in order; once the partner's node could not be reached, the rest are recorded as not run. */
    static List<JointTestRunView.Result> runScenarios(JointTestProbe probe) {
        List<JointTestRunView.Result> results = new ArrayList<>();
        boolean reached = true;
        for (JointTestScenario scenario : JointTestScenario.values()) {
            if (!reached) {
                results.add(JointTestRunView.Result.of(scenario.name(), false, "未执行：对方节点无法送达", 0));
                continue;
            }
            long started = System.nanoTime();
            Verdict verdict;
            try {
                verdict = scenario.run(probe);
            } catch (RuntimeException e) {
                // This side's defect (signing, a bug), not the partner's answer: the scenario cannot pass.
                log.warn("Joint test scenario {} failed on this side", scenario, e);
                verdict = new Verdict(false, "本省执行出错：" + e.getClass().getSimpleName(), true);
            }
            reached = verdict.reached();
            results.add(JointTestRunView.Result.of(scenario.name(), verdict.passed(), verdict.detail(),
                    (System.nanoTime() - started) / 1_000_000));
        }
        return results;
    }

    private JointTestStore.Partner partner(String code) {
        String normalized = code == null ? "" : code.strip().toUpperCase();
        return store.partner(normalized).orElseThrow(() -> ApiProblemException.notFound("合作省份未登记：" + code));
    }

    /** The partner's address, once everything a run needs is entered (409 naming what is missing). */
    private URI ready(JointTestStore.Partner partner) {
        if (signing.now().publicKey().isEmpty()) {
            throw ApiProblemException.conflict("本省尚未配置交换密钥（remote-eval.exchange.private-key），不能进行联调测试。", null,
                    null);
        }
        List<FieldViolation> missing = new ArrayList<>();
        List<String> what = new ArrayList<>();
        if (partner.publicKey() == null || partner.publicKey().isBlank()) {
            missing.add(new FieldViolation("exchangePublicKey", "尚未登记交换公钥"));
            what.add("交换公钥");
        }
        if (partner.endpoint() == null || partner.endpoint().isBlank()) {
            missing.add(new FieldViolation("exchangeEndpoint", "尚未登记报文接收地址"));
            what.add("报文接收地址");
        }
        if (!missing.isEmpty()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "与现有数据冲突", partner.name() + "（" + partner.code()
                    + "）尚未登记" + String.join("和", what) + "，不能进行联调测试；请运维人员先登记。", missing);
        }
        try {
            return URI.create(partner.endpoint().strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblemException.conflict(partner.name() + "（" + partner.code() + "）登记的报文接收地址不是合法网址，"
                    + "不能进行联调测试。", "exchangeEndpoint", "不是合法网址");
        }
    }
}
