package cn.hlj.remoteeval.expert.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** One class of the 评标专家专业分类; a top-level class has no parent. */
@Schema(name = "Specialty", description = "评标专家专业分类")
record Specialty(@Schema(example = "A0101") String code, @Schema(example = "国民经济和社会发展规划") String name,
        @Schema(example = "A01", nullable = true) String parentCode) {
}
