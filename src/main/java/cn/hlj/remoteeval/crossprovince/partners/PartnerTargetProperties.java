package cn.hlj.remoteeval.crossprovince.partners;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-eval.partner-targets} (the targets of policy 十, each {kind, count, due}),
 * {@code remote-eval.partner-target-risk-days} (how close a due date makes an unmet target at risk)
 * and {@code remote-eval.partner-target-check-cron} (the daily check, Asia/Shanghai). Without the
 * list the policy's own targets apply. A target without a kind, a due date or a positive count stops the start.
 */
@ConfigurationProperties("remote-eval")
record PartnerTargetProperties(List<Target> partnerTargets, @DefaultValue("30") int partnerTargetRiskDays,
        @DefaultValue("0 30 7 * * *") String partnerTargetCheckCron) {

    /** Policy 十: two joint tests by 2026-04-30, three connections by 2026-11-30, five by 2027-11-30. */
    static final List<PartnerTarget> POLICY = List.of(
            new PartnerTarget(PartnerTargetKind.JOINT_TEST, 2, LocalDate.of(2026, 4, 30)),
            new PartnerTarget(PartnerTargetKind.CONNECTED, 3, LocalDate.of(2026, 11, 30)),
            new PartnerTarget(PartnerTargetKind.CONNECTED, 5, LocalDate.of(2027, 11, 30)));

    record Target(PartnerTargetKind kind, Integer count, LocalDate due) {
    }

    PartnerTargetProperties {
        if (partnerTargetRiskDays < 0) {
            throw new IllegalArgumentException("remote-eval.partner-target-risk-days must not be negative");
        }
    }

    List<PartnerTarget> targets() {
        if (partnerTargets == null || partnerTargets.isEmpty()) {
            return POLICY;
        }
        List<PartnerTarget> targets = new ArrayList<>();
        for (int i = 0; i < partnerTargets.size(); i++) {
            Target target = partnerTargets.get(i);
            if (target == null || target.kind() == null || target.due() == null || target.count() == null
                    || target.count() < 1) {
                throw new IllegalArgumentException("remote-eval.partner-targets[" + i
                        + "] needs a kind (JOINT_TEST or CONNECTED), a count of at least 1 and a due date");
            }
            targets.add(new PartnerTarget(target.kind(), target.count(), target.due()));
        }
        targets.sort((a, b) -> a.due().compareTo(b.due()));
        return List.copyOf(targets);
    }
}
