package cn.hlj.remoteeval.crossprovince.hosting;

/** Whether a hosting still holds its seats. */
enum HostingState {
    ACTIVE("已预订"),
    CANCELLED("已取消");

    private final String label;

    HostingState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
