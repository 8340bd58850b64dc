package cn.hlj.remoteeval.crossprovince.partners;

import java.time.LocalDate;
import java.util.List;

/**
 * One partner province's steps in the order they were taken. Their dates never go back (the
 * aggregate refuses it), so the state on a day is the one of the last step dated on or before it.
 */
record PartnerTimeline(String code, List<PartnerChange> changes) {

    PartnerTimeline {
        changes = List.copyOf(changes);
    }

    /** The state at the end of the day; null before the province was registered. */
    PartnerState stateOn(LocalDate day) {
        PartnerState state = null;
        for (PartnerChange change : changes) {
            if (change.effectiveOn().isAfter(day)) {
                break;
            }
            state = change.to();
        }
        return state;
    }

    boolean jointTestPassedBy(LocalDate day) {
        return changes.stream().anyMatch(c -> c.to() == PartnerState.JOINT_TEST_PASSED && !c.effectiveOn().isAfter(day));
    }

    boolean connectedOn(LocalDate day) {
        return stateOn(day) == PartnerState.CONNECTED;
    }

    boolean counts(PartnerTargetKind kind, LocalDate day) {
        return switch (kind) {
            case JOINT_TEST -> jointTestPassedBy(day);
            case CONNECTED -> connectedOn(day);
        };
    }
}
