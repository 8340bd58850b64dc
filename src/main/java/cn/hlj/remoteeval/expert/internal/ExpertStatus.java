package cn.hlj.remoteeval.expert.internal;

/** Whether an expert may be drawn: only {@link #ACTIVE} ones are; {@link #DISQUALIFIED} is final. */
enum ExpertStatus {
    ACTIVE("在库"),
    SUSPENDED("暂停抽取"),
    DISQUALIFIED("取消资格");

    private final String label;

    ExpertStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
