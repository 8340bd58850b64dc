package cn.hlj.remoteeval.crossprovince.directory;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A partner's shared directories as the provincial center reads them: what the partner sent (its latest
 * complete directory of each kind) and what this province last published to it.
 */
@Schema(name = "PartnerDirectories", description = "合作省份的共享目录：对方发来的目录与本省最近一次发布的目录")
record DirectoryView(@Schema(example = "JL") String partner, @Schema(example = "吉林省") String partnerName,
        @Schema(example = "CONNECTED") String state,
        @Schema(description = "本省是否向其发布目录", example = "true") boolean publishedTo,
        @Schema(example = "每日及内容变化时发布（内容未变化时不重复发送）") String publishing,
        @Schema(description = "对方发来的评标专家共享目录；尚未收到时为空", nullable = true) ExpertDirectory experts,
        @Schema(description = "对方发来的跨省评标工位目录；尚未收到时为空", nullable = true) WorkstationDirectory workstations,
        @Schema(description = "本省最近一次向其发布的目录") List<Published> published) {

    @Schema(name = "ReceivedExpertDirectory")
    record ExpertDirectory(@Schema(example = "评标专家共享目录") String label, Instant asOf, Instant receivedAt,
            @Schema(description = "在库专家合计") long totalAvailable,
            @Schema(example = "在库专家 1234 名，涉及 56 个专业、9 个地市") String summary, List<ExpertEntry> entries) {
    }

    @Schema(name = "ReceivedExpertDirectoryEntry")
    record ExpertEntry(@Schema(example = "A080101") String specialtyCode, @Schema(example = "CC") String cityCode,
            @Schema(description = "在库专家人数") long available,
            @Schema(example = "专业 A080101，地市 CC：在库专家 12 名") String label) {
    }

    @Schema(name = "ReceivedWorkstationDirectory")
    record WorkstationDirectory(@Schema(example = "跨省评标工位目录") String label, Instant asOf, Instant receivedAt,
            @Schema(description = "跨省评标工位合计") long totalWorkstations,
            @Schema(example = "3 个交易中心共有跨省评标工位 36 个") String summary, List<WorkstationEntry> entries) {
    }

    @Schema(name = "ReceivedWorkstationDirectoryEntry")
    record WorkstationEntry(@Schema(example = "CC") String centerCode,
            @Schema(description = "跨省评标工位数") int crossProvinceWorkstations,
            @Schema(example = "交易中心 CC：跨省评标工位 12 个") String label) {
    }

    @Schema(name = "PublishedDirectory")
    record Published(@Schema(example = "EXPERT") String kind, @Schema(example = "评标专家共享目录") String label, Instant asOf,
            @Schema(description = "报文条数") int parts, Instant publishedAt) {
    }
}
