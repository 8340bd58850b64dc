package cn.hlj.remoteeval.crossprovince.assignment;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** A partner hands over the A/V material of its session of one of this province's tenders. */
@Component
class AvHandoverHandler implements ExchangeHandler {

    private final ExchangePartnerSessions sessions;

    AvHandoverHandler(ExchangePartnerSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public MessageType type() {
        return MessageType.AV_HANDOVER;
    }

    @Override
    public void handle(ReceivedMessage message) {
        sessions.arrived(message.sender(), message.messageId(), message.correlationId(), message.body());
    }
}
