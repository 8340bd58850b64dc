package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/** A partner asks this province to host sub-venue seats for its tender. */
@Component
class SubVenueRequestHandler implements ExchangeHandler {

    private final ExchangeHostings hostings;

    SubVenueRequestHandler(ExchangeHostings hostings) {
        this.hostings = hostings;
    }

    @Override
    public MessageType type() {
        return MessageType.SUB_VENUE_REQUEST;
    }

    @Override
    public void handle(ReceivedMessage message) {
        Slot slot = new Slot(LocalDate.parse(message.body().get("evaluationDate").asText()),
                HalfDay.valueOf(message.body().get("halfDay").asText()));
        hostings.requested(message.sender(), message.body().get("tenderRef").asText(), slot,
                message.body().get("seats").asInt());
    }
}
