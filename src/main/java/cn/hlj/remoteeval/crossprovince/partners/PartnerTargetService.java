package cn.hlj.remoteeval.crossprovince.partners;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.reporting.ReportMonth;

/** The targets judged from the register's history, recomputed every time (nothing is counted by hand). */
@Service
@Transactional(readOnly = true)
class PartnerTargetService {

    private final PartnerProvinceStore store;
    private final PartnerTargetPlan plan;
    private final Clock clock;

    PartnerTargetService(PartnerProvinceStore store, PartnerTargetPlan plan, Clock clock) {
        this.store = store;
        this.plan = plan;
        this.clock = clock;
    }

    /** Today in the province, whatever the server's zone. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ReportMonth.PROVINCE);
    }

    List<PartnerTargetStatus> judge(LocalDate on) {
        return PartnerTargets.judge(plan.targets(), timelines(), on, plan.riskDays());
    }

    int riskDays() {
        return plan.riskDays();
    }

    List<PartnerTimeline> timelines() {
        Map<String, List<PartnerChange>> byProvince = new LinkedHashMap<>();
        for (PartnerProvinceStore.Stored stored : store.allChanges()) {
            byProvince.computeIfAbsent(stored.provinceCode(), code -> new ArrayList<>()).add(stored.change());
        }
        return byProvince.entrySet().stream().map(e -> new PartnerTimeline(e.getKey(), e.getValue())).toList();
    }
}
