package cn.hlj.remoteeval.crossprovince.hosting;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** The partner took the sessions offered for its tender. */
@Component
class SubVenueAcceptanceHandler implements ExchangeHandler {

    private final ExchangeHostings hostings;

    SubVenueAcceptanceHandler(ExchangeHostings hostings) {
        this.hostings = hostings;
    }

    @Override
    public MessageType type() {
        return MessageType.SUB_VENUE_ACCEPTANCE;
    }

    @Override
    public void handle(ReceivedMessage message) {
        hostings.accepted(message.sender(), message.correlationId());
    }
}
