package cn.hlj.remoteeval.crossprovince.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeInboxStore.InboxState;

/**
 * Where partners' messages arrive: each is checked ({@link EnvelopeSealing}), kept as received with the
 * answer it was given, and handled afterwards in the partner's sequence order ({@link ExchangeHandling});
 * a message delivered again (the sender retried, unsure the first delivery arrived) gets that first
 * answer again and changes nothing. A {@link MessageType#PING} is the exception: checked like any
 * message, answered at once and not kept (see {@link #deliver}).
 */
@Component
public class ExchangeInbox {

    /** The largest message accepted; the stored copy must fit its column. */
    public static final int MAX_BYTES = 60_000;

    /** The answer to a {@link MessageType#PING}: this, then the PING's nonce. */
    public static final String PONG = "PONG:";

    private final EnvelopeSealing sealing;
    private final ExchangeInboxStore store;
    private final RefusalLog refusals;
    private final ExchangeHandling handling;
    private final Clock clock;

    ExchangeInbox(EnvelopeSealing sealing, ExchangeInboxStore store, RefusalLog refusals, ExchangeHandling handling,
            Clock clock) {
        this.sealing = sealing;
        this.store = store;
        this.refusals = refusals;
        this.handling = handling;
        this.clock = clock;
    }

    /** The answer to a delivery, and whether it repeats an earlier one. */
    public record Receipt(String messageId, String answer, boolean duplicate) {
    }

    /**
     * Checks and keeps a delivered message.
     *
     * @throws EnvelopeRefused when a check fails (recorded), except for a repeated delivery of a message
     *         already accepted, which is answered as the first time
     */
    @Transactional
    public Receipt deliver(byte[] received) {
        EnvelopeSealing.Opened opened;
        try {
            opened = sealing.open(received);
        } catch (EnvelopeRefused refused) {
            if (refused.reason() == RefusalReason.REPLAY && refused.sender() != null) {
                String first = store.answerOf(refused.sender(), refused.messageId()).orElse(null);
                if (first != null) {
                    return new Receipt(refused.messageId(), first, true);
                }
            }
            throw refused;
        }
        Envelope envelope = opened.envelope();
        if (envelope.type() == MessageType.PING) {
            // The joint test's probe: answered here and kept nowhere. It takes no sequence number (0)
            // and never enters exchange_inbox, so it cannot take a business message's number
            // (SEQUENCE_TAKEN) nor hold up the partner's ordered channel. open() has recorded its id as
            // seen (in this transaction), so the same PING delivered again is refused as REPLAY: there is
            // no first answer kept to repeat.
            return new Receipt(envelope.messageId(), PONG + envelope.body().path("nonce").asText(), false);
        }
        Instant now = clock.instant();
        boolean late = store.passed(envelope.sender(), envelope.sequence());
        String answer = late ? "已接收：" + envelope.type().label() + "（该序号已被本省运维跳过，不再自动处理）"
                : "已接收：" + envelope.type().label();
        if (!store.insert(envelope.sender(), envelope.messageId(), envelope.sequence(), envelope.type(),
                envelope.correlationId(), new String(received, StandardCharsets.UTF_8), answer,
                late ? InboxState.LATE : InboxState.RECEIVED, now)) {
            refusals.refused(envelope.messageId(), envelope.sender(), RefusalReason.SEQUENCE_TAKEN,
                    "sequence=" + envelope.sequence(), now);
            throw new EnvelopeRefused(RefusalReason.SEQUENCE_TAKEN, "sequence=" + envelope.sequence(), envelope.sender(),
                    envelope.messageId());
        }
        String sender = envelope.sender();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                handling.handleSoon(sender);
            }
        });
        return new Receipt(envelope.messageId(), answer, false);
    }
}
