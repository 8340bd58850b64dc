package cn.hlj.remoteeval.crossprovince.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A partner province as the API shows it, with its steps when asked for one province. */
record PartnerProvinceView(String code, String name, String state, String stateLabel, LocalDate negotiationStartedOn,
        LocalDate jointTestPassedOn, LocalDate connectedOn, LocalDate suspendedOn, String suspensionReason,
        LocalDate resumedOn, int version, List<Change> history) {

    record Change(int seq, String from, String to, String toLabel, LocalDate effectiveOn, String reason,
            String changedBy, Instant changedAt) {
    }

    static PartnerProvinceView of(PartnerProvince p, List<PartnerChange> history) {
        return new PartnerProvinceView(p.code(), p.name(), p.state().name(), p.state().label(),
                p.negotiationStartedOn(), p.jointTestPassedOn(), p.connectedOn(),
                p.state() == PartnerState.SUSPENDED ? p.suspendedOn() : null,
                p.state() == PartnerState.SUSPENDED ? p.suspensionReason() : null, p.resumedOn(), p.version(),
                history == null ? null
                        : history.stream().map(c -> new Change(c.seq(), c.from() == null ? null : c.from().name(),
                                c.to().name(), c.to().label(), c.effectiveOn(), c.reason(), c.changedBy(),
                                c.changedAt())).toList());
    }
}
