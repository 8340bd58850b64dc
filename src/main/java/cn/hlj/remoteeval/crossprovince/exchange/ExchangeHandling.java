package cn.hlj.remoteeval.crossprovince.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.crossprovince.exchange.ExchangeInboxStore.InboxState;
import cn.hlj.remoteeval.crossprovince.exchange.ExchangeInboxStore.Next;

/**
 * Handles partners' messages in each partner's sequence order, once: the message, the handler's work
 * and the partner's "last handled" counter commit together, under a lock on the message's row, and the
 * counter moves only from the value read, so that a message that arrived early waits for the one before
 * it, and two nodes never handle one twice. A
 * handler that fails is tried again with a growing wait; after the configured attempts the message is a
 * dead letter and the partner's later messages wait behind it until an operator retries or skips it.
 *
 * <p>What a failure leaves for the operators is the exception's type and message: handlers' messages
 * are written for them and carry ids and counts, never a name.
 */
class ExchangeHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandling.class);

    private final ExchangeInboxStore store;
    private final EnvelopeSealing sealing;
    private final Map<MessageType, ExchangeHandler> handlers = new EnumMap<>(MessageType.class);
    private final TransactionTemplate transactions;
    private final ExchangeDeliveryProperties properties;
    private final Clock clock;
    private final Executor executor;
    private final AtomicBoolean kicked = new AtomicBoolean();

    ExchangeHandling(ExchangeInboxStore store, EnvelopeSealing sealing, List<ExchangeHandler> handlers,
            TransactionTemplate transactions, ExchangeDeliveryProperties properties, Clock clock, Executor executor) {
        this.store = store;
        this.sealing = sealing;
        for (ExchangeHandler handler : handlers) {
            if (this.handlers.put(handler.type(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.type());
            }
        }
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.executor = executor;
    }

    /** After a message was accepted: handle now rather than at the next poll (coalesced). */
    void handleSoon(String sender) {
        if (!properties.enabled() || !kicked.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                kicked.set(false);
                handleAllDue();
            });
        } catch (RuntimeException e) {
            kicked.set(false);
            LOG.debug("Exchange handling deferred to the next poll: {}", e.getClass().getSimpleName());
        }
    }

    /** Every partner's due messages, in order; answers how many were handled. */
    int handleAllDue() {
        int handled = 0;
        for (String sender : store.sendersWaiting()) {
            while (handleNext(sender)) {
                handled++;
            }
        }
        return handled;
    }

    /** Handles the partner's next message if it is here and due; true when one was handled. */
    boolean handleNext(String sender) {
        Instant now = clock.instant();
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                long last = store.lastHandled(sender);
                Optional<Next> next = store.lockAt(sender, last + 1);
                if (next.isEmpty() || next.get().state() != InboxState.RECEIVED
                        || (next.get().nextAttemptAt() != null && next.get().nextAttemptAt().isAfter(now))) {
                    return false;
                }
                handle(sender, next.get());
                if (!store.passedBy(sender, next.get().messageId(), InboxState.HANDLED, next.get().sequence(), clock.instant())) {
                    // An operator skipped past it meanwhile: nothing of this handling may stay.
                    status.setRollbackOnly();
                    return false;
                }
                return true;
            }));
        } catch (RuntimeException e) {
            recordFailure(sender, e, now);
            return false;
        }
    }

    private void handle(String sender, Next next) {
        EnvelopeSealing.Opened opened;
        try {
            opened = sealing.reopen(next.received());
        } catch (RuntimeException e) {
            // A kept message that no longer opens (e.g. sealed under a key since replaced) must not hold the partner forever.
            throw new HandlingFailed(next, "无法读取已保存的报文：" + e.getClass().getSimpleName(), e);
        }
        Envelope envelope = opened.envelope();
        ExchangeHandler handler = handlers.get(envelope.type());
        if (handler == null) {
            throw new HandlingFailed(next, "本省不处理此类报文：" + envelope.type().label());
        }
        try {
            handler.handle(new ReceivedMessage(sender, envelope.messageId(), envelope.correlationId(), envelope.sequence(),
                    envelope.type(), envelope.sentAt(), envelope.body(), opened.secret()));
        } catch (RuntimeException e) {
            throw new HandlingFailed(next, describe(e), e);
        }
        LOG.info("Exchange message {} ({} #{}) from {} handled", envelope.messageId(), envelope.type(), envelope.sequence(),
                sender);
    }

    private void recordFailure(String sender, RuntimeException e, Instant now) {
        if (!(e instanceof HandlingFailed failed)) {
            // The database, not the message: the next poll tries again.
            LOG.warn("Exchange handling for {} failed: {}", sender, e.getClass().getSimpleName());
            return;
        }
        Next next = failed.next;
        int attempts = next.attempts() + 1;
        boolean dead = attempts >= properties.handlingAttempts();
        try {
            transactions.executeWithoutResult(status -> store.failed(sender, next.messageId(), failed.getMessage(),
                    now.plus(properties.backoffAfter(attempts)), dead));
        } catch (RuntimeException again) {
            LOG.warn("Exchange handling failure of {} not recorded: {}", next.messageId(), again.getClass().getSimpleName());
        }
        LOG.warn("Exchange message {} (#{}) from {} not handled (attempt {}{}): {}", next.messageId(), next.sequence(), sender,
                attempts, dead ? ", now a dead letter" : "", failed.getCause() == null ? "no handler"
                        : failed.getCause().getClass().getSimpleName());
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : "：" + message);
    }

    /** A message whose handling failed, with what the operators are told. */
    private static final class HandlingFailed extends RuntimeException {

        private final transient Next next;

        HandlingFailed(Next next, String message) {
            super(message);
            this.next = next;
        }

        HandlingFailed(Next next, String message, Throwable cause) {
            super(message, cause);
            this.next = next;
        }
    }
}
