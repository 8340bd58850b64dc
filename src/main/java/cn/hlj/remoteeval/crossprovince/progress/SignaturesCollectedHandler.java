package cn.hlj.remoteeval.crossprovince.progress;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** A partner reports the report signatures of its session of one of this province's tenders. */
@Component
class SignaturesCollectedHandler implements ExchangeHandler {

    private final PartnerSessionProgress progress;

    SignaturesCollectedHandler(PartnerSessionProgress progress) {
        this.progress = progress;
    }

    @Override
    public MessageType type() {
        return MessageType.SIGNATURES_COLLECTED;
    }

    @Override
    public void handle(ReceivedMessage message) {
        progress.signaturesCollected(message.sender(), message.correlationId(), message.body());
    }
}
