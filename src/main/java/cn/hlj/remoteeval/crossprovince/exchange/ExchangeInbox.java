package cn.hlj.remoteeval.crossprovince.exchange;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where partners' messages arrive: each is checked ({@link EnvelopeSealing}), kept as received with the
 * answer it was given, and a message delivered again (the sender retried, unsure the first delivery
 * arrived) gets that first answer again and changes nothing. Handling in sequence order is the next part.
 */
@Component
public class ExchangeInbox {

    /** The largest message accepted; the stored copy must fit its column. */
    public static final int MAX_BYTES = 60_000;

    private final EnvelopeSealing sealing;
    private final JdbcClient jdbc;

    ExchangeInbox(EnvelopeSealing sealing, JdbcClient jdbc) {
        this.sealing = sealing;
        this.jdbc = jdbc;
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
        try {
            EnvelopeSealing.Opened opened = sealing.open(received);
            Envelope envelope = opened.envelope();
            String answer = "已接收：" + envelope.type().label();
            jdbc.sql("INSERT INTO exchange_inbox (sender, message_id, sequence_no, message_type, correlation_id, received, "
                    + "answer, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(envelope.sender(), envelope.messageId(), envelope.sequence(), envelope.type().name(),
                            envelope.correlationId(), new String(received, StandardCharsets.UTF_8), answer,
                            Timestamp.from(envelope.sentAt()))
                    .update();
            return new Receipt(envelope.messageId(), answer, false);
        } catch (EnvelopeRefused refused) {
            if (refused.reason() == RefusalReason.REPLAY) {
                Optional<Receipt> first = firstAnswer(refused);
                if (first.isPresent()) {
                    return first.get();
                }
            }
            throw refused;
        }
    }

    private Optional<Receipt> firstAnswer(EnvelopeRefused replay) {
        return jdbc.sql("SELECT message_id, answer FROM exchange_inbox WHERE sender = ? AND message_id = ?")
                .params(replay.sender(), replay.messageId())
                .query((rs, row) -> new Receipt(rs.getString(1), rs.getString(2), true)).optional();
    }
}
