package cn.hlj.remoteeval.crossprovince.hosting;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.draw.HostedSeatSettled;

/**
 * After the draw module settled a hosted seat, or the hosted session's report was signed, the partner is told
 * through the exchange, each in its own transaction once the cause committed.
 */
@Component
class HostedExpertSeatListeners {

    private final HostedExpertSeats seats;

    HostedExpertSeatListeners(HostedExpertSeats seats) {
        this.seats = seats;
    }

    @ApplicationModuleListener
    void on(HostedSeatSettled event) {
        seats.settled(event);
    }

    @ApplicationModuleListener
    void on(HostedReportSigned event) {
        seats.reportSigned(event);
    }
}
