package cn.hlj.remoteeval.crossprovince.directory;

import cn.hlj.remoteeval.crossprovince.exchange.MessageType;

/** The two shared directories, each its own message of the exchange. */
enum DirectoryKind {

    /** 评标专家共享目录 (policy 三): experts in service per specialty and city. */
    EXPERT(MessageType.EXPERT_DIRECTORY, "DIR-EXPERT"),
    /** 跨省评标工位目录 (policy 四): cross-province workstations per center that hosts partners' tenders. */
    WORKSTATION(MessageType.WORKSTATION_DIRECTORY, "DIR-WORKSTATION");

    private final MessageType type;
    private final String correlationPrefix;

    DirectoryKind(MessageType type, String correlationPrefix) {
        this.type = type;
        this.correlationPrefix = correlationPrefix;
    }

    MessageType type() {
        return type;
    }

    String label() {
        return type.label();
    }

    /** The conversation of one day's directory, e.g. {@code DIR-EXPERT-20261207}. */
    String correlationPrefix() {
        return correlationPrefix;
    }
}
