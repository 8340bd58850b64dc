package cn.hlj.remoteeval.handover.internal;

import java.util.Arrays;
import java.util.Optional;

/** The escalation forms' choice of what the supervisor did about an overdue duty. */
enum SupervisionAction {

    URGED("已督促限期办理"),
    INTERVIEWED("已约谈相关责任人"),
    RECORDED("已记录在案，另行处理");

    private final String label;

    SupervisionAction(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<SupervisionAction> parse(Object value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(a -> a.name().equals(value.toString().strip())).findFirst();
    }
}
