package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/** The partner moved the evaluation of its tender hosted here to another slot. */
@Component
class MoveHandler implements ExchangeHandler {

    private final HostingMoves moves;

    MoveHandler(HostingMoves moves) {
        this.moves = moves;
    }

    @Override
    public MessageType type() {
        return MessageType.MOVE;
    }

    @Override
    public void handle(ReceivedMessage message) {
        Slot to = new Slot(LocalDate.parse(message.body().get("evaluationDate").asText()),
                HalfDay.valueOf(message.body().get("halfDay").asText()));
        moves.moved(message.sender(), message.correlationId(), to);
    }
}
