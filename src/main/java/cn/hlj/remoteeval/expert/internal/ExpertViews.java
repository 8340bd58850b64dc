package cn.hlj.remoteeval.expert.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.hlj.remoteeval.expert.ExpertCategory;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the pool administrators' API answers. Lists show personal data masked; a detail shows it in full. */
final class ExpertViews {

    private ExpertViews() {
    }

    @Schema(name = "ExpertListItem", description = "专家（列表，个人信息已脱敏）")
    record ListItem(String expertRef, @Schema(example = "张*") String name,
            @Schema(example = "139****0000") String mobile, @Schema(example = "2301**********123X") String idNumber,
            String specialtyCode, String specialtyName, ExpertCategory category,
            @Schema(example = "技术") String categoryLabel, String employer, @Schema(example = "HRB") String city,
            ExpertStatus status, String statusLabel) {
    }

    @Schema(name = "ExpertPage", description = "专家列表的一页")
    record Page(List<ListItem> items, int page, int size, long total) {
    }

    @Schema(name = "ExpertDetail", description = "专家详情（含完整个人信息，仅专家库管理员可见，查看即记入审计日志）")
    record Detail(String expertRef, String name, String idNumber, String mobile, String specialtyCode,
            String specialtyName, ExpertCategory category, String categoryLabel, String employer, String city,
            ExpertStatus status, String statusLabel, String statusReason, long version, Instant createdAt,
            Instant updatedAt, List<JdbcExpertDeclarations.Leave> leaves,
            List<JdbcExpertDeclarations.Relation> relations,
            List<JdbcExpertDeclarations.Participation> projectParticipations) {

        /** Never the personal data: a view must not reach a log line by accident. */
        @Override
        public String toString() {
            return "Detail[" + expertRef + "]";
        }
    }

    @Schema(name = "ExpertStatusView", description = "专家状态")
    record StatusView(String expertRef, ExpertStatus status, String statusLabel, String statusReason, long version) {
    }

    @Schema(name = "ExpertHistoryEntry", description = "专家信息的一个版本：改了哪些字段，改之前的值")
    record HistoryEntry(long version, Instant changedAt, String changedBy,
            @Schema(description = "IMPORT:{导入编号} | MANUAL | DEMO") String source, List<String> changedFields,
            @Schema(description = "被修改字段修改前的值（首个版本为空）") Map<String, String> previousValues) {

        /** Never the previous values. */
        @Override
        public String toString() {
            return "HistoryEntry[" + version + ", " + changedFields + "]";
        }
    }
}
