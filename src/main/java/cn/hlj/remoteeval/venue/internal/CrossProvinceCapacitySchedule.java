package cn.hlj.remoteeval.venue.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the daily capacity check runs: the timer start event of
 * {@code bpmn/cross-province-capacity-check.bpmn} reads {@code ${crossProvinceCapacitySchedule.cron}}.
 * Public with a getter because the engine's expression language reads it as a bean property.
 */
@Component("crossProvinceCapacitySchedule")
public class CrossProvinceCapacitySchedule {

    private final String cron;

    CrossProvinceCapacitySchedule(@Value("${remote-eval.venue.cross-province-check-cron:0 0 7 * * ?}") String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }
}
