package cn.hlj.remoteeval.venue.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 检查常设跨省副场工位 of {@code cross-province-capacity-check}. The report names
 * centers and directory counts only: public facts of the 共享目录, no tender and no booking.
 */
@Component("crossProvinceCapacityCheck")
class CrossProvinceCapacityCheckDelegate implements JavaDelegate {

    static final String SHORTFALL_COUNT = "shortfallCount";
    static final String SHORTFALL_REPORT = "shortfallReport";

    private final CrossProvinceCapacityWatch watch;

    CrossProvinceCapacityCheckDelegate(CrossProvinceCapacityWatch watch) {
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CrossProvinceCapacityWatch.Report report = watch.check();
        execution.setVariable(SHORTFALL_COUNT, report.shortfallCount());
        execution.setVariable(SHORTFALL_REPORT, report.text());
    }
}
