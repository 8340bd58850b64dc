package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.Instant;
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
 * <p>After the snapshot the draw collects the planned entropy and derives its seed
 * ({@link #seedAfterSnapshot}).
 */
class DrawNotices {

    static final String ALGORITHM = "draw-notice/v2";

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
        Instant now = clock.instant();
        DrawSeed serverSeed = seeds.next();
        SortedMap<String, SortedMap<String, String>> plans = sources.plan(now);
        NewDraw notice = new NewDraw(UUID.randomUUID().toString(), DrawKind.NOTICE, subjectId, ALGORITHM,
                serverSeed.commitment(), "", NoticeText.request(kind, plans), "", actor.userId());
        DrawRecord appended = newTransaction.execute(status -> chain.append(notice, serverSeed));
        log.info("Draw notice {} (seq {}) for a {} draw of {}, entropy from {}", appended.id(), appended.seq(), kind,
                subjectId, plans.keySet());
        return new Noticed(appended, serverSeed, plans);
    }

    /**
     * Collects the entropy the notice planned, now that the eligible list has been read, and derives the seed.
     *
     * @throws EntropyUnavailableException when a planned source cannot be had: the draw must not run
     */
    DerivedSeed seedAfterSnapshot(Noticed noticed, Instant snapshotAt) {
        String entropy = NoticeText.entropy(sources.collect(noticed.plans(), snapshotAt));
        DrawSeed seed = SeedDerivation.v2(noticed.serverSeed(), noticed.notice().recordHash(), entropy);
        return new DerivedSeed(noticed.serverSeed(), seed, noticed.notice().id(), noticed.notice().recordHash(), entropy,
                snapshotAt);
    }
}
