package cn.hlj.remoteeval.handover.internal;

/** Where a clue stands. */
enum ClueState {

    REPORTED("副场已报送，待主场接收"),
    RECEIVED("主场已接收，待移送"),
    TRANSFERRED("已移送执纪执法机关");

    private final String label;

    ClueState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
