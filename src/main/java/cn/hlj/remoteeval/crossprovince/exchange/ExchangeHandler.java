package cn.hlj.remoteeval.crossprovince.exchange;

/**
 * Does what one type of partner message means here (books seats, fixes the sub-venues, …). Called in
 * the partner's sequence order, in a transaction that also marks the message handled: a handler that
 * throws leaves nothing behind, and the message is tried again later (then kept as a dead letter).
 */
public interface ExchangeHandler {

    MessageType type();

    void handle(ReceivedMessage message);
}
