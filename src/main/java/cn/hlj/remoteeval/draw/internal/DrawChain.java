package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends records to the one draw chain of the province. Every kind of record (venue draws,
 * negotiated venues, expert draws) goes through {@link #append}, so there is one sequence and one
 * chain of hashes.
 */
@Component
class DrawChain {

    /** Bound while a transaction holds the head's lock, so that a notice is never appended from inside it. */
    private static final Object HEAD_LOCKED = new Object();

    private final DrawStore store;
    private final SeedSource salts;
    private final Clock clock;

    DrawChain(DrawStore store, SeedSource salts, Clock clock) {
        this.store = store;
        this.salts = salts;
        this.clock = clock;
    }

    /**
     * Appends the draw after the current head and stores its secret apart, in the caller's
     * transaction. The head stays locked until that transaction ends, so concurrent appenders on
     * any node queue here and the chain never forks; the unique sequence number backs this up.
     *
     * @param seed the draw's seed, which must match the commitment; or null for a record without
     *        a draw and without commitment, which gets a fresh random salt as its secret
     */
    @Transactional(propagation = Propagation.MANDATORY)
    DrawRecord append(NewDraw draw, DrawSeed seed) {
        requireCommitment(draw, seed);
        DrawSeed secret = seed == null ? salts.next() : seed;
        markHeadLocked();
        return appendAfter(store.lockHead(), draw, secret);
    }

    private static void requireCommitment(NewDraw draw, DrawSeed seed) {
        String expectedCommitment = seed == null ? null : seed.commitment();
        if (!Objects.equals(expectedCommitment, draw.seedCommitment())) {
            throw new IllegalArgumentException("the seed commitment must be SHA-256 of the seed (or absent with no seed)");
        }
    }

    private DrawRecord appendAfter(ChainHead head, NewDraw draw, DrawSeed secret) {
        DrawRecord record = DrawRecord.seal(draw, head.lastSeq() + 1, head.lastHash(), clock.instant(), secret);
        store.insert(record);
        store.moveHead(head, new ChainHead(record.seq(), record.recordHash()));
        store.insertSecret(record.id(), secret.hex());
        return record;
    }

    /**
     * Appends as {@link #append} if the chain head is free now; answers empty, with nothing written, when
     * another transaction holds it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<DrawRecord> tryAppend(NewDraw draw, DrawSeed seed) {
        requireCommitment(draw, Objects.requireNonNull(seed, "seed"));
        Optional<ChainHead> head = store.tryLockHead();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        markHeadLocked();
        return Optional.of(appendAfter(head.get(), draw, seed));
    }

    /** Whether the current transaction holds the chain head's lock (appended already). */
    static boolean headLockedInThisTransaction() {
        return TransactionSynchronizationManager.hasResource(HEAD_LOCKED);
    }

    private static void markHeadLocked() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(HEAD_LOCKED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(HEAD_LOCKED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(HEAD_LOCKED);
            }
        });
    }
}
