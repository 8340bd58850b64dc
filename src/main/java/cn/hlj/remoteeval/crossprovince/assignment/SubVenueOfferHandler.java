package cn.hlj.remoteeval.crossprovince.assignment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** A partner's sub-venues for one of this province's tenders: opaque sessions and their seats. */
@Component
class SubVenueOfferHandler implements ExchangeHandler {

    private final PartnerRequests requests;

    SubVenueOfferHandler(PartnerRequests requests) {
        this.requests = requests;
    }

    @Override
    public MessageType type() {
        return MessageType.SUB_VENUE_OFFER;
    }

    @Override
    public void handle(ReceivedMessage message) {
        List<PartnerAssignment.SubVenue> sessions = new ArrayList<>();
        for (JsonNode session : message.body().get("sessions")) {
            sessions.add(new PartnerAssignment.SubVenue(message.sender(), session.get("sessionRef").asText(),
                    session.get("seats").asInt()));
        }
        requests.offered(message.sender(), message.correlationId(), sessions);
    }
}
