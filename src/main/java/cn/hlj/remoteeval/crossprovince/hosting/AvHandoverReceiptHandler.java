package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeHandler;
import cn.hlj.remoteeval.crossprovince.exchange.MessageType;
import cn.hlj.remoteeval.crossprovince.exchange.ReceivedMessage;

/** The partner (main venue) received and verified a hosted session's A/V material. */
@Component
class AvHandoverReceiptHandler implements ExchangeHandler {

    private final HostingHandovers handovers;

    AvHandoverReceiptHandler(HostingHandovers handovers) {
        this.handovers = handovers;
    }

    @Override
    public MessageType type() {
        return MessageType.AV_HANDOVER_RECEIPT;
    }

    @Override
    public void handle(ReceivedMessage message) {
        handovers.receipted(message.sender(), message.correlationId(), Instant.parse(message.body().get("receivedAt").asText()),
                message.body().get("itemCount").asInt());
    }
}
