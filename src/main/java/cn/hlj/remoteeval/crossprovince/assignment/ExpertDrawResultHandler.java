package cn.hlj.remoteeval.crossprovince.assignment;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** A partner answers which seats of its session of one of this province's tenders got an expert. */
@Component
class ExpertDrawResultHandler implements ExchangeHandler {

    private final PartnerExpertDraws draws;

    ExpertDrawResultHandler(PartnerExpertDraws draws) {
        this.draws = draws;
    }

    @Override
    public MessageType type() {
        return MessageType.EXPERT_DRAW_RESULT;
    }

    @Override
    public void handle(ReceivedMessage message) {
        draws.answered(message.sender(), message.correlationId(), message.body());
    }
}
