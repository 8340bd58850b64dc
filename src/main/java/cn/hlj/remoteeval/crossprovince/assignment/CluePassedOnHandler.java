package cn.hlj.remoteeval.crossprovince.assignment;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** A partner's sub-venue session of one of this province's tenders passes on a clue of wrongdoing. */
@Component
class CluePassedOnHandler implements ExchangeHandler {

    private final PartnerClues clues;

    CluePassedOnHandler(PartnerClues clues) {
        this.clues = clues;
    }

    @Override
    public MessageType type() {
        return MessageType.CLUE_PASSED_ON;
    }

    @Override
    public void handle(ReceivedMessage message) {
        clues.passedOn(message);
    }
}
