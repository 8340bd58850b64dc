package cn.hlj.remoteeval.crossprovince.exchange;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutboxStore.Due;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutboxStore.OutboxState;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeOutboxStore.Queued;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Accepted;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Delivery;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Refused;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeTransport.Unavailable;

/**
 * Sends what the outbox holds, outside any transaction: a message is claimed (committed), signed as of
 * now, delivered, then marked, so no lock is held while the partner answers. Each partner's messages go
 * in sequence order and only while the one before went through: a partner that is down gets one
 * message at a time, with a growing wait, and its backlog follows as soon as one is taken. A node that
 * dies between delivering and marking leaves a claim that expires; the message is delivered again and
 * the partner answers its first answer.
 *
 * <p>Log lines name message ids, partners, types and sequence numbers, never a body.
 */
class ExchangeDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeDispatcher.class);
    private static final int BATCH = 500;

    private final ExchangeOutboxStore store;
    private final EnvelopeSealing sealing;
    private final JdbcExchangeRecords partners;
    private final ExchangeTransport transport;
    private final ExchangeDeliveryProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final Executor executor;
    private final String claimant = ManagementFactory.getRuntimeMXBean().getName() + "/exchange";
    private final AtomicBoolean kicked = new AtomicBoolean();

    ExchangeDispatcher(ExchangeOutboxStore store, EnvelopeSealing sealing, JdbcExchangeRecords partners,
            ExchangeTransport transport, ExchangeDeliveryProperties properties, ObjectMapper json, Clock clock,
            Executor executor) {
        this.store = store;
        this.sealing = sealing;
        this.partners = partners;
        this.transport = transport;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.executor = executor;
    }

    /** After a commit that queued a message: send now rather than at the next poll (coalesced). */
    void sendSoon() {
        if (!properties.enabled() || !kicked.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                kicked.set(false);
                sendAllDue();
            });
        } catch (RuntimeException e) {
            kicked.set(false);
            LOG.debug("Exchange send deferred to the next poll: {}", e.getClass().getSimpleName());
        }
    }

    /** Rounds until a round delivers nothing; answers how many messages were delivered. */
    int sendAllDue() {
        int total = 0;
        int delivered;
        do {
            delivered = sendDue();
            total += delivered;
        } while (delivered > 0);
        return total;
    }

    /** One round: each partner's messages in order until one does not go through. */
    int sendDue() {
        Map<String, List<Due>> byReceiver = new LinkedHashMap<>();
        for (Due due : store.unanswered(BATCH)) {
            byReceiver.computeIfAbsent(due.receiver(), r -> new java.util.ArrayList<>()).add(due);
        }
        int delivered = 0;
        for (List<Due> queue : byReceiver.values()) {
            for (Due due : queue) {
                if (!attempt(due)) {
                    break;
                }
                delivered++;
            }
        }
        return delivered;
    }

    /** True when the message was delivered (now or before), so that the partner's next may follow. */
    private boolean attempt(Due due) {
        Instant now = clock.instant();
        if (!due.dueAt(now) || !store.claim(due, claimant, now, now.plus(properties.claimTimeout()))) {
            return false;
        }
        int attempts = due.attempts() + 1;
        Queued queued = store.load(due.messageId());
        Optional<JdbcExchangeRecords.PartnerLink> link = partners.linkOf(queued.receiver());
        Delivery delivery;
        if (link.isEmpty()) {
            delivery = new Unavailable("合作省份未登记接收地址或已暂停");
        } else {
            delivery = transport.deliver(link.get().endpoint(), sealing.wire(sign(queued)));
        }
        Instant after = clock.instant();
        if (delivery instanceof Accepted accepted) {
            store.delivered(queued.messageId(), claimant, attempts, accepted.answer(), after);
            LOG.info("Exchange message {} ({} #{}) delivered to {}{}", queued.messageId(), queued.type(), queued.sequence(),
                    queued.receiver(), accepted.duplicate() ? " (already there)" : "");
            return true;
        }
        if (delivery instanceof Refused refused) {
            store.deadLetter(queued.messageId(), claimant, attempts, OutboxState.REFUSED,
                    refused.reason() + (refused.detail().isBlank() ? "" : "：" + refused.detail()));
            LOG.warn("Exchange message {} ({} #{}) refused by {}: {}", queued.messageId(), queued.type(), queued.sequence(),
                    queued.receiver(), refused.reason());
            return false;
        }
        String error = ((Unavailable) delivery).error();
        if (!after.isBefore(due.queuedAt().plus(properties.giveUpAfter()))) {
            store.deadLetter(queued.messageId(), claimant, attempts, OutboxState.DEAD, "已放弃重试：" + error);
            LOG.warn("Exchange message {} ({} #{}) to {} given up after {} attempts", queued.messageId(), queued.type(),
                    queued.sequence(), queued.receiver(), attempts);
        } else {
            store.retryLater(queued.messageId(), claimant, attempts, error, after.plus(properties.backoffAfter(attempts)));
            LOG.info("Exchange message {} to {} not delivered (attempt {}): {}", queued.messageId(), queued.receiver(),
                    attempts, error);
        }
        return false;
    }

    private Envelope sign(Queued queued) {
        try {
            JsonNode body = json.readTree(queued.body());
            Envelope.SealedPart sealed = null;
            if (queued.sealed() != null) {
                JsonNode part = json.readTree(queued.sealed());
                sealed = new Envelope.SealedPart(part.get("algorithm").asText(), part.get("key").asText(),
                        part.get("iv").asText(), part.get("data").asText());
            }
            return sealing.sign(queued.type(), queued.messageId(), queued.correlationId(), queued.receiver(),
                    queued.sequence(), body, sealed);
        } catch (IOException e) {
            throw new IllegalStateException("a queued message is not JSON", e);
        }
    }
}
