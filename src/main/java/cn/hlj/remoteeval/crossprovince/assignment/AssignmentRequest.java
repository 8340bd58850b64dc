package cn.hlj.remoteeval.crossprovince.assignment;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "CrossProvinceAssignment", description = "合作省份按国家规定或合作协议确定的副场安排")
record AssignmentRequest(
        @Schema(description = "合作省份（主导确定副场的省份）", example = "吉林省") String partnerProvince,
        @Schema(description = "本省主场（项目入场地交易中心）的评标席位数", example = "3") Integer mainVenueSeats,
        @Schema(description = "合作省份确定的副场；保密，只保存不回显") List<SubVenueRequest> partnerSubVenues) {

    @Schema(name = "PartnerSubVenue", description = "合作省份确定的一个副场")
    record SubVenueRequest(@Schema(description = "副场所在省份", example = "吉林省") String province,
            @Schema(description = "副场名称（交易中心或评标场所）") String venue,
            @Schema(description = "该副场的评标席位数", example = "2") Integer seats) {
    }
}
