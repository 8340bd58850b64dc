package cn.hlj.remoteeval.crossprovince.assignment;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;
import cn.hlj.remoteeval.crossprovince.hosting.ExchangeHostings;

/**
 * A cancellation means what the conversation was: the partner's tender hosted here is cancelled (this
 * province as sub-venue), or the partner withdrew from one of this province's tenders (as main venue).
 */
@Component
class CancellationHandler implements ExchangeHandler {

    private final ExchangeHostings hostings;
    private final PartnerRequests requests;

    CancellationHandler(ExchangeHostings hostings, PartnerRequests requests) {
        this.hostings = hostings;
        this.requests = requests;
    }

    @Override
    public MessageType type() {
        return MessageType.CANCELLATION;
    }

    @Override
    public void handle(ReceivedMessage message) {
        if (!hostings.cancelledByPartner(message.sender(), message.correlationId())) {
            requests.partnerCancelled(message.sender(), message.correlationId(), message.body().get("reason").asText());
        }
    }
}
