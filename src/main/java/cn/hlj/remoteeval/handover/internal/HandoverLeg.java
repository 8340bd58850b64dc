package cn.hlj.remoteeval.handover.internal;

import cn.hlj.remoteeval.deadline.DeadlineKind;

/** Who hands the material to whom (policy 八). */
enum HandoverLeg {

    SUB_VENUE_TO_MAIN("副场移交主场", DeadlineKind.AV_HANDOVER_TO_MAIN),
    MAIN_TO_TENDERER("主场移交招标人", DeadlineKind.AV_HANDOVER_TO_TENDERER);

    /** The leg_ref of the main venue's hand-over to the tenderer (sub-venue legs hold their session code). */
    static final String TENDERER_REF = "TENDERER";

    private final String label;
    private final DeadlineKind deadlineKind;

    HandoverLeg(String label, DeadlineKind deadlineKind) {
        this.label = label;
        this.deadlineKind = deadlineKind;
    }

    String label() {
        return label;
    }

    DeadlineKind deadlineKind() {
        return deadlineKind;
    }
}
