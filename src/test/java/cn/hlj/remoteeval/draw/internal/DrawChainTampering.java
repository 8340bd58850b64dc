package cn.hlj.remoteeval.draw.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/**
 * For tests outside this package: genuine venue-draw records through the production chain, and the
 * intruder who rewrites the chain's tail with the production hashing code so that the chain's own
 * walk still finds it intact.
 */
public final class DrawChainTampering {

    private final DrawChain chain;
    private final DrawNotices notices;
    private final DrawStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public DrawChainTampering(ApplicationContext context) {
        this.chain = context.getBean(DrawChain.class);
        this.notices = context.getBean(DrawNotices.class);
        this.store = context.getBean(DrawStore.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.clock = context.getBean(Clock.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /**
     * Appends a noticed venue-draw record (its notice committed first, as in production); answers the
     * draw's sequence number. Call outside a transaction.
     */
    public long appendVenueDraw(String tenderId) {
        Noticed noticed = notices.announce(DrawKind.VENUE, tenderId);
        DerivedSeed seed = notices.seedAfterSnapshot(noticed, clock.instant());
        Map<String, Integer> free = VenueDrawAlgorithmUnitTest.uniform(3);
        VenueDrawRequest request = new VenueDrawRequest(2, "QQHR", new Slot(LocalDate.of(2038, 3, 2), HalfDay.PM),
                SeatPlanLimits.defaults());
        String result = new VenueDrawAlgorithm().draw(seed.stream(), request, free).canonical();
        NewDraw draw = new NewDraw(UUID.randomUUID().toString(), DrawKind.VENUE, tenderId, VenueDrawAlgorithm.ID_V2,
                seed.commitment(), Canonical.encodeCounts(free), request.canonical(), result, "anchor-test").noticed(seed);
        return transaction.execute(status -> chain.append(draw, seed.serverSeed())).seq();
    }

    /**
     * In the caller's transaction, under the head lock: gives the record at {@code fromSeq} another actor,
     * then recomputes its record hash, every later previous and record hash, the notice hash of every draw whose
     * notice was rehashed, and the head row.
     */
    public void rewriteTailFrom(long fromSeq) {
        store.lockHead();
        Map<String, String> secrets = store.allSecrets();
        List<DrawRecord> records = store.all();
        String previous = fromSeq == 1 ? DrawRecord.GENESIS_HASH
                : records.stream().filter(r -> r.seq() == fromSeq - 1).findFirst().orElseThrow().recordHash();
        Map<String, String> rehashed = new HashMap<>();
        DrawRecord last = null;
        for (DrawRecord r : records) {
            if (r.seq() < fromSeq) {
                continue;
            }
            String actor = r.seq() == fromSeq ? "forged" : r.actor();
            DrawRecord unsealed = new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                    r.eligibleList(), r.eligibleListHash(), r.request(), r.result(), actor, r.createdAt(), previous, null,
                    r.noticeId(), rehashed.getOrDefault(r.noticeHash(), r.noticeHash()), r.entropy(), r.snapshotAt());
            DrawRecord rewritten = unsealed.withRecordHash(unsealed.computeRecordHash(DrawSeed.fromHex(secrets.get(r.id()))));
            jdbc.sql("UPDATE draw_record SET actor = ?, previous_hash = ?, record_hash = ?, notice_hash = ? WHERE id = ?")
                    .params(rewritten.actor(), rewritten.previousHash(), rewritten.recordHash(), rewritten.noticeHash(),
                            rewritten.id()).update();
            rehashed.put(r.recordHash(), rewritten.recordHash());
            previous = rewritten.recordHash();
            last = rewritten;
        }
        jdbc.sql("UPDATE draw_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(last.seq(), last.recordHash())
                .update();
    }
}
