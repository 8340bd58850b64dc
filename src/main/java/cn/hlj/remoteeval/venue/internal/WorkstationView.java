package cn.hlj.remoteeval.venue.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A workstation as the directory shows it. Bookings are not part of it: who holds a seat is
 * nobody's business in the directory (policy 六).
 *
 * @param outages the outages that have not ended yet, earliest first
 */
@Schema(name = "Workstation", description = "评标工位")
record WorkstationView(String centerCode, String code, String room, boolean crossProvince, String avNotes,
        List<OutageView> outages, long version, String registeredBy, Instant registeredAt, Instant updatedAt) {

    @Schema(name = "WorkstationOutage", description = "工位停用时段（起止日期均含）")
    record OutageView(long id, LocalDate from, LocalDate to, String reason, String recordedBy, Instant recordedAt) {

        static OutageView of(Outage outage) {
            return new OutageView(outage.id(), outage.from(), outage.to(), outage.reason(), outage.recordedBy(),
                    outage.recordedAt());
        }
    }

    static WorkstationView of(Workstation workstation, List<Outage> outages) {
        return new WorkstationView(workstation.centerCode(), workstation.code(), workstation.room(),
                workstation.crossProvince(), workstation.avNotes(), outages.stream().map(OutageView::of).toList(),
                workstation.version(), workstation.registeredBy(), workstation.registeredAt(), workstation.updatedAt());
    }
}
