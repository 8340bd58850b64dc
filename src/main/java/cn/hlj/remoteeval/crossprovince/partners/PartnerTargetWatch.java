package cn.hlj.remoteeval.crossprovince.partners;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.security.CurrentActor;

/**
 * The daily check of the targets: a target newly at risk or missed becomes a task for the
 * provincial center's staff, once per target and state (a target at risk and later missed is
 * raised twice, a target at risk on many days once). The claim, the audit line and the process
 * start share one transaction, so a failed start leaves nothing claimed and the next check retries.
 */
@Service
class PartnerTargetWatch {

    static final String AUDIT_SUBJECT = "PARTNER_TARGET";

    private static final Logger log = LoggerFactory.getLogger(PartnerTargetWatch.class);

    private final PartnerTargetService targets;
    private final PartnerTargetAlertStore alerts;
    private final PartnerTargetAlertProcess process;
    private final AuditLog audit;
    private final Clock clock;

    PartnerTargetWatch(PartnerTargetService targets, PartnerTargetAlertStore alerts, PartnerTargetAlertProcess process,
            AuditLog audit, Clock clock) {
        this.targets = targets;
        this.alerts = alerts;
        this.process = process;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks as of today in the province. */
    @Transactional
    List<PartnerTargetStatus> check() {
        return check(targets.today());
    }

    /** Answers the alerts raised by this call. */
    @Transactional
    List<PartnerTargetStatus> check(LocalDate on) {
        List<PartnerTargetStatus> raised = new ArrayList<>();
        for (PartnerTargetStatus status : targets.judge(on)) {
            if (!status.state().alert() || !alerts.claim(status, clock.instant())) {
                continue;
            }
            String processInstanceId = process.start(status);
            alerts.processStarted(status, processInstanceId);
            audit.append(clock.instant(), CurrentActor.SYSTEM, "PARTNER_TARGET_" + status.state().name(),
                    AUDIT_SUBJECT, status.target().key(), status.text());
            log.warn("Partner target {} is {} on {}: {} of {}", status.target().key(), status.state(), on,
                    status.reached(), status.target().count());
            raised.add(status);
        }
        return raised;
    }
}
