package cn.hlj.remoteeval.crossprovince.exchange;

/**
 * The messages of the exchange, version {@value #VERSION} ({@code src/docs/exchange/message-set-v1.md});
 * each body has its JSON Schema in {@code exchange/v1/<schema>.schema.json}. Counts and opaque seat
 * references cross the border; names travel only sealed to the venue that hosts them.
 */
public enum MessageType {

    SUB_VENUE_REQUEST("sub-venue-request", "副场请求"),
    SUB_VENUE_OFFER("sub-venue-offer", "副场安排"),
    SUB_VENUE_ACCEPTANCE("sub-venue-acceptance", "接受副场安排"),
    SUB_VENUE_REFUSAL("sub-venue-refusal", "无法安排副场"),
    EXPERT_DRAW_REQUEST("expert-draw-request", "专家抽取请求"),
    EXPERT_DRAW_RESULT("expert-draw-result", "专家抽取结果"),
    SESSION_STARTED("session-started", "场次开始"),
    SESSION_ENDED("session-ended", "场次结束"),
    SIGNATURES_COLLECTED("signatures-collected", "评标报告签署完成"),
    AV_HANDOVER("av-handover", "音视频资料移交"),
    AV_HANDOVER_RECEIPT("av-handover-receipt", "音视频资料接收回执"),
    CLUE_PASSED_ON("clue-passed-on", "移送违法违规线索"),
    CANCELLATION("cancellation", "取消"),
    MOVE("move", "调整评标时间"),
    EXPERT_DIRECTORY("expert-directory", "评标专家共享目录"),
    WORKSTATION_DIRECTORY("workstation-directory", "跨省评标工位目录"),
    /**
     * The joint test's probe (crossprovince.jointtest): answered at once with its nonce and never kept
     * in the inbox, so it takes no sequence number (it carries 0) and never waits in the ordered channel.
     */
    PING("ping", "连通性测试");

    public static final String VERSION = "1";

    private final String schema;
    private final String label;

    MessageType(String schema, String label) {
        this.schema = schema;
        this.label = label;
    }

    /** The file name of the body's schema, without {@code .schema.json}. */
    public String schema() {
        return schema;
    }

    public String label() {
        return label;
    }
}
