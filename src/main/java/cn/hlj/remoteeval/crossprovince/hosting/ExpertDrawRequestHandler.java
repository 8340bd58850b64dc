package cn.hlj.remoteeval.crossprovince.hosting;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/**
 * The partner asks for this province's experts for the seats of the session hosted here for its tender (the
 * correlation id). A request that does not fit a hosting is refused with the reason, which makes it a dead
 * letter for the operators.
 */
@Component
class ExpertDrawRequestHandler implements ExchangeHandler {

    private final HostedExpertSeats seats;

    ExpertDrawRequestHandler(HostedExpertSeats seats) {
        this.seats = seats;
    }

    @Override
    public MessageType type() {
        return MessageType.EXPERT_DRAW_REQUEST;
    }

    @Override
    public void handle(ReceivedMessage message) {
        seats.requested(message.sender(), message.correlationId(), message.body());
    }
}
