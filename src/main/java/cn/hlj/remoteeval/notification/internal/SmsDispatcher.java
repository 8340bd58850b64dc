package cn.hlj.remoteeval.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.hlj.remoteeval.notification.internal.JdbcSmsOutboxStore.Claimed;
import cn.hlj.remoteeval.notification.internal.JdbcSmsOutboxStore.Due;
import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * Sends what is due, one claimed message at a time, outside any transaction: a message is claimed
 * (committed), sent, then marked, so no database lock is held while the gateway answers. Several
 * dispatchers (threads or nodes) may run at once; the claim lets one of them send each message.
 * A node that dies between sending and marking leaves a claim that expires; the message is then
 * sent again with the same idempotency key, for the gateway to drop.
 *
 * <p>Log lines name the outbox id only: never the mobile, the text or the idempotency key (a
 * caller's key may say which tender or expert the message is about).
 */
class SmsDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SmsDispatcher.class);

    private final JdbcSmsOutboxStore store;
    private final PersonalDataCipher cipher;
    private final SmsGateway gateway;
    private final RetryPolicy retry;
    private final Clock clock;
    private final int batchSize;
    private final Duration claimTimeout;
    private final String claimant;

    SmsDispatcher(JdbcSmsOutboxStore store, PersonalDataCipher cipher, SmsGateway gateway, RetryPolicy retry,
            Clock clock, int batchSize, Duration claimTimeout) {
        this.store = store;
        this.cipher = cipher;
        this.gateway = gateway;
        this.retry = retry;
        this.clock = clock;
        this.batchSize = batchSize;
        this.claimTimeout = claimTimeout;
        this.claimant = claimantName();
    }

    /** Sends up to one batch of due messages; answers how many this dispatcher handled. */
    int dispatchDue() {
        List<Due> due = store.due(clock.instant(), batchSize);
        int handled = 0;
        for (Due candidate : due) {
            if (dispatch(candidate)) {
                handled++;
            }
        }
        return handled;
    }

    private boolean dispatch(Due due) {
        Instant now = clock.instant();
        if (due.state() == OutboxState.SENDING && retry.exhausted(due.attempts())) {
            if (store.failAbandoned(due, "claim expired after the last attempt", now)) {
                LOG.warn("SMS {} failed: its last attempt was claimed and never reported back", due.id());
                return true;
            }
            return false;
        }
        Optional<Claimed> claim = store.claim(due, claimant, now, now.plus(claimTimeout));
        if (claim.isEmpty()) {
            return false;
        }
        Claimed claimed = claim.get();
        OutgoingSms sms;
        try {
            sms = new OutgoingSms(claimed.id(), claimed.idempotencyKey(), cipher.decrypt(claimed.mobileEnc()),
                    cipher.decrypt(claimed.textEnc()));
        } catch (RuntimeException e) {
            fail(claimed, "cannot decrypt: " + e.getClass().getSimpleName());
            return true;
        }
        GatewayResult result;
        try {
            result = gateway.send(sms);
        } catch (RuntimeException e) {
            // A gateway's exception message may quote its request; only the type is kept.
            result = new GatewayResult.Retryable("gateway error: " + e.getClass().getSimpleName());
        }
        record(claimed, result);
        return true;
    }

    private void record(Claimed claimed, GatewayResult result) {
        Instant now = clock.instant();
        if (result instanceof GatewayResult.Sent sent) {
            if (store.markSent(claimed, claimant, sent.messageId(), now)) {
                LOG.debug("SMS {} sent after {} attempt(s)", claimed.id(), claimed.attempts());
            } else {
                lostClaim(claimed);
            }
        } else if (result instanceof GatewayResult.Permanent permanent) {
            fail(claimed, permanent.reason());
        } else if (result instanceof GatewayResult.Retryable retryable) {
            if (retry.exhausted(claimed.attempts())) {
                fail(claimed, retryable.reason());
            } else {
                Duration wait = retry.backoffAfter(claimed.attempts());
                if (store.markRetry(claimed, claimant, retryable.reason(), now.plus(wait))) {
                    LOG.info("SMS {} attempt {} failed ({}); next attempt in {}", claimed.id(), claimed.attempts(),
                            retryable.reason(), wait);
                } else {
                    lostClaim(claimed);
                }
            }
        }
    }

    private void fail(Claimed claimed, String reason) {
        if (store.markFailed(claimed, claimant, reason)) {
            LOG.warn("SMS {} failed after {} attempt(s): {}", claimed.id(), claimed.attempts(), reason);
        } else {
            lostClaim(claimed);
        }
    }

    private static void lostClaim(Claimed claimed) {
        LOG.warn("SMS {}: outcome of attempt {} not recorded, its claim expired and another dispatcher took it over",
                claimed.id(), claimed.attempts());
    }

    String claimant() {
        return claimant;
    }

    int batchSize() {
        return batchSize;
    }

    /** Unique per dispatcher, readable per node: the JVM's pid@host and a random suffix. */
    private static String claimantName() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        String name = jvm + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }
}
