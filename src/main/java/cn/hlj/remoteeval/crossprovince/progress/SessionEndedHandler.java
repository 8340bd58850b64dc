package cn.hlj.remoteeval.crossprovince.progress;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** A partner's session of one of this province's tenders ended. */
@Component
class SessionEndedHandler implements ExchangeHandler {

    private final PartnerSessionProgress progress;

    SessionEndedHandler(PartnerSessionProgress progress) {
        this.progress = progress;
    }

    @Override
    public MessageType type() {
        return MessageType.SESSION_ENDED;
    }

    @Override
    public void handle(ReceivedMessage message) {
        progress.ended(message.sender(), message.correlationId(), message.body());
    }
}
