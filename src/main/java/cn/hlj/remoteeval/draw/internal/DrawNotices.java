package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.SortedMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.security.CurrentActor;

/**
 * The first step of every random draw (seed derivation v2): the notice — subject, draw kind, the commitment
 * to a fresh server seed and the entropy each source will contribute — is appended to the chain and
 * committed on its own, before the draw reads its eligible list and before that entropy exists. A draw
 * that fails afterwards leaves its notice behind, unused and visible, so drawing again until a wanted
 * result comes up leaves a trail.
 *
 * <p>The draw asks for its notice once it holds its own locks (the slot), right before it reads the list, so
 * that no lock wait falls between the notice and the snapshot: the planned beacon round must still lie ahead
 * when the list is read. After the snapshot the draw collects the planned entropy and derives its seed
 * ({@link #seedAfterSnapshot}).
 */
class DrawNotices {

    static final String ALGORITHM = "draw-notice/v2";

    /** As long as an engine job keeps its lock by default: a longer wait would let another node run the draw too. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(4);

    private static final Logger log = LoggerFactory.getLogger(DrawNotices.class);

    private final DrawChain chain;
    private final SeedSource seeds;
    private final EntropySources sources;
    private final CurrentActor actor;
    private final Clock clock;
    private final TransactionOperations newTransaction;

    /**
     * @param newTransaction runs the append in a transaction of its own that commits before the draw goes on
     *        (in the application a {@code REQUIRES_NEW} template)
     */
    DrawNotices(DrawChain chain, SeedSource seeds, EntropySources sources, CurrentActor actor, Clock clock,
            TransactionOperations newTransaction) {
        this.chain = chain;
        this.seeds = seeds;
        this.sources = sources;
        this.actor = actor;
        this.clock = clock;
        this.newTransaction = newTransaction;
    }

    /** Appends and commits the notice of a draw of {@code kind} about {@code subjectId} (a tender or a hosting). */
    Noticed announce(DrawKind kind, String subjectId) {
        if (DrawChain.headLockedInThisTransaction()) {
            // The notice's own transaction would wait for the head this one holds until it ends: a deadlock.
            throw new IllegalStateException("a draw notice must be committed before the draw's transaction appends to the chain");
        }
        DrawSeed serverSeed = seeds.next();
        String actorId = actor.userId();
        String noticeId = UUID.randomUUID().toString();
        boolean supervisorOnly = sources.supervisorAloneFor(new NoticeDraft(noticeId, kind, subjectId, clock.instant()));
        if (supervisorOnly) {
            log.warn("Draw notice {} for a {} draw of {}: no beacon reachable, the supervisor's value alone as policy allows",
                    noticeId, kind, subjectId);
        }
        Noticed noticed = appendWithoutHoldingAConnection(() -> {
            // Planned when the notice is sealed, not before a wait for the head: the round must still lie ahead.
            SortedMap<String, SortedMap<String, String>> plans = sources.plan(
                    new NoticeDraft(noticeId, kind, subjectId, clock.instant()), supervisorOnly);
            NewDraw notice = new NewDraw(noticeId, DrawKind.NOTICE, subjectId, ALGORITHM,
                    serverSeed.commitment(), "", NoticeText.request(kind, plans), "", actorId);
            return chain.tryAppend(notice, serverSeed).map(record -> new Noticed(record, serverSeed, plans));
        });
        log.info("Draw notice {} (seq {}) for a {} draw of {}, entropy from {}", noticed.notice().id(),
                noticed.notice().seq(), kind, subjectId, noticed.plans().keySet());
        return noticed;
    }

    /**
     * The draw's own transaction already holds a connection; a notice waiting for the chain head in a second one
     * would hold two per waiting draw and could drain the pool. So the notice only takes the head when it is free,
     * and between tries gives its connection back.
     */
    private Noticed appendWithoutHoldingAConnection(Supplier<Optional<Noticed>> attempt) {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        long pauseMillis = 5;
        while (true) {
            Optional<Noticed> appended = newTransaction.execute(status -> {
                Optional<Noticed> noticed = attempt.get();
                if (noticed.isEmpty()) {
                    status.setRollbackOnly();
                }
                return noticed;
            });
            if (appended.isPresent()) {
                return appended.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the draw chain's head stayed locked for " + LONGEST_WAIT
                        + "; the draw notice was not written");
            }
            try {
                Thread.sleep(pauseMillis + ThreadLocalRandom.current().nextLong(pauseMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the draw chain's head", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 250);
        }
    }

    /**
     * Collects the entropy the notice planned, now that the eligible list has been read, and derives the seed.
     *
     * @throws EntropyUnavailableException when a planned source cannot be had: the draw must not run
     */
    DerivedSeed seedAfterSnapshot(Noticed noticed, Instant snapshotAt) {
        String entropy = NoticeText.entropy(sources.collect(noticed.notice().id(), noticed.plans(), snapshotAt));
        DrawSeed seed = SeedDerivation.v2(noticed.serverSeed(), noticed.notice().recordHash(), entropy);
        return new DerivedSeed(noticed.serverSeed(), seed, noticed.notice().id(), noticed.notice().recordHash(), entropy,
                snapshotAt);
    }
}
