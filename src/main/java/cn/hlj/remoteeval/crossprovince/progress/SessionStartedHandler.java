package cn.hlj.remoteeval.crossprovince.progress;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** A partner's session of one of this province's tenders started. */
@Component
class SessionStartedHandler implements ExchangeHandler {

    private final PartnerSessionProgress progress;

    SessionStartedHandler(PartnerSessionProgress progress) {
        this.progress = progress;
    }

    @Override
    public MessageType type() {
        return MessageType.SESSION_STARTED;
    }

    @Override
    public void handle(ReceivedMessage message) {
        progress.started(message.sender(), message.correlationId(), message.body());
    }
}
