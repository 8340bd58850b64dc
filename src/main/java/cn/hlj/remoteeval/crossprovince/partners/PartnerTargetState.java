package cn.hlj.remoteeval.crossprovince.partners;

/** How a target stands on a given day. */
enum PartnerTargetState {
    MET("已完成", false),
    ON_TRACK("推进中", false),
    AT_RISK("存在风险", true),
    MISSED("未按期完成", true);

    private final String label;
    private final boolean alert;

    PartnerTargetState(String label, boolean alert) {
        this.label = label;
        this.alert = alert;
    }

    String label() {
        return label;
    }

    /** Whether the provincial center's staff must be told. */
    boolean alert() {
        return alert;
    }
}
