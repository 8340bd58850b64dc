package cn.hlj.remoteeval.crossprovince.partners;

import java.time.LocalDate;
import java.util.List;

/** The dashboard: every target as judged on {@code on}. */
record PartnerTargetView(LocalDate on, int riskDays, List<Target> targets) {

    record Target(String kind, String label, int required, int reached, LocalDate due, LocalDate countedOn,
            String state, String stateLabel, boolean alert, long daysLeft, String text) {
    }

    static PartnerTargetView of(LocalDate on, int riskDays, List<PartnerTargetStatus> statuses) {
        return new PartnerTargetView(on, riskDays, statuses.stream()
                .map(s -> new Target(s.target().kind().name(), s.target().label(), s.target().count(), s.reached(),
                        s.target().due(), s.countedOn(), s.state().name(), s.state().label(), s.state().alert(),
                        s.daysLeft(), s.text()))
                .toList());
    }
}
