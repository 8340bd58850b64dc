package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.Instant;
import java.time.LocalDate;

import cn.hlj.remoteeval.crossprovince.internal.Provinces;
import cn.hlj.remoteeval.venue.HalfDay;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "PartnerHosting", description = "本省承接的合作省份项目（本省作为副场）")
public record HostingView(String id, String partnerProvince, String partnerTenderRef, String centerCode,
        String centerName, LocalDate date, HalfDay halfDay, String halfDayLabel, int seats, HostingState state,
        String stateLabel, String registeredBy, Instant registeredAt, String cancelledBy, Instant cancelledAt,
        @Schema(description = "合作省份的名称，合作省份以代码（如 JL）登记时给出") String partnerName) {

    static HostingView of(PartnerHosting hosting, String centerName) {
        return new HostingView(hosting.id(), hosting.partnerProvince(), hosting.partnerTenderRef(),
                hosting.centerCode(), centerName, hosting.slot().date(), hosting.slot().halfDay(),
                halfDayLabel(hosting.slot().halfDay()), hosting.seats(), hosting.state(), hosting.state().label(),
                hosting.registeredBy(), hosting.registeredAt(), hosting.cancelledBy(), hosting.cancelledAt(),
                Provinces.partnerName(hosting.partnerProvince()).orElse(null));
    }

    public static String halfDayLabel(HalfDay halfDay) {
        return halfDay == HalfDay.AM ? "上午" : "下午";
    }
}
