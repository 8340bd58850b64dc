package cn.hlj.remoteeval.crossprovince.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a business step leaves a message for a partner. The message is queued in the step's own
 * transaction, so that it leaves if and only if the step commits, and numbered in the partner's
 * sequence; a dispatcher on any node sends it after the commit and retries until the partner answers.
 */
@Component
public class ExchangeOutbox {

    /** Stands in for the number and the signature while a queued message's form is checked. */
    private static final long FIRST_SEQUENCE = 1;
    private static final String UNSIGNED = "AA==";

    private final EnvelopeSealing sealing;
    private final ExchangeSchemas schemas;
    private final JdbcExchangeRecords partners;
    private final ExchangeOutboxStore store;
    private final ExchangeDispatcher dispatcher;
    private final ObjectMapper json;
    private final Clock clock;

    ExchangeOutbox(EnvelopeSealing sealing, ExchangeSchemas schemas, JdbcExchangeRecords partners,
            ExchangeOutboxStore store, ExchangeDispatcher dispatcher, ObjectMapper json, Clock clock) {
        this.sealing = sealing;
        this.schemas = schemas;
        this.partners = partners;
        this.store = store;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues a message for {@code receiver}; answers its message id.
     *
     * @param body the readable part (ids, counts, opaque references, dates)
     * @param secret what only the receiver may read, sealed for its key now; null for none
     * @throws PartnerUnreachable when the receiver has no key or address in the register, or is suspended
     * @throws IllegalArgumentException when the body is not the message set's (a defect of the caller)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String send(String receiver, MessageType type, String correlationId, JsonNode body, JsonNode secret) {
        JdbcExchangeRecords.PartnerLink link = partners.linkOf(receiver)
                .orElseThrow(() -> new PartnerUnreachable(receiver, "合作省份 " + receiver
                        + " 尚未登记交换公钥和接收地址，或已暂停，不能向其发送报文。"));
        String messageId = UUID.randomUUID().toString();
        Envelope.SealedPart sealed = secret == null ? null : sealing.sealFor(messageId, secret, link.publicKey());
        // Checked before the partner's counter is taken (it stays locked until commit) and without signing:
        // the dispatcher signs at each attempt, so a signature here would be thrown away.
        Envelope draft = new Envelope(MessageType.VERSION, type, messageId, correlationId, sealing.province(), receiver,
                FIRST_SEQUENCE, clock.instant(), body, sealed, UNSIGNED);
        List<String> problems = schemas.problems(draft.toJson(true));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not message set " + MessageType.VERSION + ": " + problems);
        }
        long sequence = store.nextSequence(receiver);
        Instant now = clock.instant();
        store.insert(messageId, receiver, sequence, type, correlationId, CanonicalJson.string(body),
                sealed == null ? null : CanonicalJson.string(sealedJson(sealed)), Timestamp.from(now));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.sendSoon();
            }
        });
        return messageId;
    }

    /**
     * The partners a business message may go to now: connected (policy 十: the joint test passed and the
     * connection is in service), not suspended, with a key and an address entered. Sorted by code.
     */
    @Transactional(readOnly = true)
    public List<String> connectedPartners() {
        return partners.connectedWithLink();
    }

    private ObjectNode sealedJson(Envelope.SealedPart sealed) {
        ObjectNode part = json.createObjectNode();
        part.put("algorithm", sealed.algorithm());
        part.put("key", sealed.key());
        part.put("iv", sealed.iv());
        part.put("data", sealed.data());
        return part;
    }
}
