package cn.hlj.remoteeval.expert.internal;

import java.time.Instant;
import java.util.List;

import cn.hlj.remoteeval.web.FieldViolation;
import io.swagger.v3.oas.annotations.media.Schema;

/** An import and its progress, as the pool administrators see it. Counts only, never personal data. */
@Schema(name = "ExpertImport", description = "专家导入及其进度")
record ExpertImportView(@Schema(description = "导入编号") String id,
        @Schema(description = "RUNNING 进行中 | SUCCEEDED 已导入 | REJECTED 文件有误，未导入任何数据 | FAILED 系统错误，未导入任何数据") State state,
        @Schema(description = "VALIDATING 逐行校验 | WRITING 写入 | DONE 结束") Phase phase,
        @Schema(description = "是否在后台执行") boolean background,
        String fileName,
        @Schema(description = "已读取的数据行数") long rowsRead,
        @Schema(description = "其中无误的行数") long rowsValid,
        @Schema(description = "发现的错误数") long errorCount,
        @Schema(description = "错误（最多列出前 200 处），字段为 第{行}行.{列名}") List<FieldViolation> errors,
        @Schema(description = "新增的专家数（结束后）", nullable = true) Long created,
        @Schema(description = "更新的专家数（结束后）", nullable = true) Long updated,
        @Schema(description = "内容未变的专家数（结束后）", nullable = true) Long unchanged,
        String startedBy, Instant startedAt, Instant finishedAt) {

    enum State {
        RUNNING, SUCCEEDED, REJECTED, FAILED
    }

    enum Phase {
        VALIDATING, WRITING, DONE
    }
}
