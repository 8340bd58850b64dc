package cn.hlj.remoteeval.expert;

/** 专家类别 of the import: every expert of the pool is a technical or an economic expert. */
public enum ExpertCategory {
    TECHNICAL("技术"),
    ECONOMIC("经济");

    private final String label;

    ExpertCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
