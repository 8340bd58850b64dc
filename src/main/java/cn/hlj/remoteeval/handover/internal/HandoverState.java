package cn.hlj.remoteeval.handover.internal;

/** Where a hand-over stands. A hand-over to the tenderer is done once handed over. */
enum HandoverState {

    AWAITING_HANDOVER("待移交"),
    HANDED_OVER("已移交，待主场确认接收"),
    RECEIVED("已接收");

    private final String label;

    HandoverState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
