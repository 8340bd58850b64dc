package cn.hlj.remoteeval.crossprovince.hosting;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "PartnerHostingRegistration", description = "承接合作省份项目（本省作为副场）")
record HostingRequest(@Schema(description = "合作省份（项目主场所在省份）", example = "吉林省") String partnerProvince,
        @Schema(description = "合作省份项目编号（国家调度系统中的标段编号）", example = "JL-2031-0042") String partnerTenderRef,
        @Schema(description = "承接的交易中心代码：PROV、HRB 或 QQHR", example = "HRB") String centerCode,
        @Schema(description = "评标日期", example = "2031-05-06") String date,
        @Schema(description = "半天时段：AM 上午，PM 下午", example = "AM") String halfDay,
        @Schema(description = "需要的跨省评标工位数", example = "3") Integer seats) {
}
