package cn.hlj.remoteeval.tender.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/tenders} as sent. Amounts, dates and codes arrive as text so that
 * every mistake can be reported at once, field by field, instead of failing on the first one.
 */
@Schema(name = "TenderRegistration", description = "登记标段")
record TenderRegistrationRequest(
        @Schema(description = "标段编号（唯一）", example = "HRB-2026-FW-0001") String sectionCode,
        @Schema(description = "标段名称") String name,
        @Schema(description = "主场交易中心代码", example = "HRB") String mainCenter,
        @Schema(description = "CONSTRUCTION | GOODS | SERVICES | EPC") String category,
        @Schema(description = "单项合同估算价（元，最多两位小数）", example = "12000000.00") String estimatedPrice,
        @Schema(description = "工程总承包各部分估算价，仅 EPC") EpcPartsRequest epcParts,
        @Schema(description = "评标日期", example = "2026-12-15") String evaluationDate,
        @Schema(description = "AM | PM") String halfDay,
        CommitteeRequest committee,
        @Schema(description = "有关规定明确要求跨省") Boolean regulationRequiresCrossProvince,
        @Schema(description = "省库相应专业专家不足") Boolean expertShortageAsserted,
        @Schema(description = "不实行远程异地评标的声明（可选）") ExemptionRequest exemption,
        @Schema(description = "招标人（单位名称，用于评标专家回避）") String tenderer,
        @Schema(description = "项目编号（用于评标专家回避：参与过项目前期工作的专家）") String projectCode) {

    record EpcPartsRequest(String construction, String goods, String services) {
    }

    record CommitteeRequest(Integer size,
            @Schema(description = "招标人代表人数（不超过成员总数的三分之一，不参加抽取），默认 0") Integer tendererRepresentatives,
            List<SpecialtyRequest> specialties) {
    }

    record SpecialtyRequest(String code, Integer count) {
    }

    record ExemptionRequest(
            @Schema(description = "SPECIAL_PROFESSION | TECHNICAL_COMPLEXITY | STATE_SECRET | OTHER | LAW") String reason,
            String detail) {
    }
}
