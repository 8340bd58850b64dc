package cn.hlj.remoteeval.crossprovince.assignment;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** A partner cannot host one of this province's tenders. */
@Component
class SubVenueRefusalHandler implements ExchangeHandler {

    private final PartnerRequests requests;

    SubVenueRefusalHandler(PartnerRequests requests) {
        this.requests = requests;
    }

    @Override
    public MessageType type() {
        return MessageType.SUB_VENUE_REFUSAL;
    }

    @Override
    public void handle(ReceivedMessage message) {
        requests.declined(message.sender(), message.correlationId(), message.body().get("reason").asText());
    }
}
