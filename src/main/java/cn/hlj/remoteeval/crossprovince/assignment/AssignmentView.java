package cn.hlj.remoteeval.crossprovince.assignment;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an accepted assignment. The partner's sub-venues are not part of it, by construction. */
@Schema(name = "CrossProvinceAssignmentReceipt", description = "已接收的合作省份副场安排（不含副场信息）")
record AssignmentView(String tenderId, String partnerProvince, int mainVenueSeats, Instant receivedAt) {
}
