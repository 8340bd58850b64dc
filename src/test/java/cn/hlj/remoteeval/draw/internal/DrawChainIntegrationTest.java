package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.draw.DrawKind;
import cn.hlj.remoteeval.draw.internal.ChainVerification.Problem;
import cn.hlj.remoteeval.evaluation.EvaluationEnded;
import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.scope.Scope;
import cn.hlj.remoteeval.tender.TenderFacts;
import cn.hlj.remoteeval.tender.TenderState;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;

/**
 * The chain on the real tables. The chain is one for the whole database and shared with every
 * other test: records appended here are genuine (they stay and keep the chain intact), and a row
 * tampered with here is restored at once.
 */
@RemoteEvalIntegrationTest
class DrawChainIntegrationTest {

    @Autowired
    DrawChain chain;
    @Autowired
    DrawStore store;
    @Autowired
    NegotiatedVenueRecords negotiated;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Api api;
    @Autowired
    SealedColumns sealed;
    @Autowired
    DrawNotices notices;
    @Autowired
    EntropySources sources;
    @Autowired
    java.time.Clock clock;

    @Test
    void concurrentAppendsQueueOnTheHeadAndNeverForkTheChain() throws Exception {
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(appendGenuine(UUID.randomUUID().toString()).seq());
                    }
                    return seqs;
                }));
            }
            start.countDown();
            List<Long> seqs = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                seqs.addAll(result.get(120, TimeUnit.SECONDS));
            }
            Collections.sort(seqs);

            assertThat(seqs).hasSize(threads * perThread).doesNotHaveDuplicates();
            ChainVerification verification = verifyRows();
            assertThat(verification.intact()).as(String.valueOf(verification)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rowsReadBackFromTheDatabaseKeepTheirHashesAndTamperedCopiesAreFound() {
        appendGenuine(UUID.randomUUID().toString());
        appendGenuine(UUID.randomUUID().toString());
        appendGenuine(UUID.randomUUID().toString());
        // Read under the head lock, as the operator's check does, so that a draw elsewhere cannot interleave.
        Snapshot snapshot = snapshot();
        ChainHead head = snapshot.head();
        List<DrawRecord> rows = snapshot.rows();
        Map<String, String> secrets = snapshot.secrets();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.recordHashValid(secrets.get(row.id()))).as("record hash of " + row.seq()).isTrue();
            assertThat(row.eligibleListMatchesHash()).as("eligible list of " + row.seq()).isTrue();
        });
        assertThat(ChainVerifier.verify(rows, secrets, head, sources).intact()).isTrue();
        int middle = rows.size() - 2;
        long middleSeq = rows.get(middle).seq();

        List<DrawRecord> withoutMiddle = new ArrayList<>(rows);
        withoutMiddle.remove(middle);
        assertThat(ChainVerifier.verify(withoutMiddle, secrets, head, sources)).extracting(ChainVerification::firstBrokenSeq,
                ChainVerification::problemCode).containsExactly(middleSeq, Problem.RECORD_MISSING);

        List<DrawRecord> withoutLast = new ArrayList<>(rows.subList(0, rows.size() - 1));
        assertThat(ChainVerifier.verify(withoutLast, secrets, head, sources)).extracting(ChainVerification::firstBrokenSeq,
                ChainVerification::problemCode).containsExactly(head.lastSeq(), Problem.HEAD_MISMATCH);

        List<DrawRecord> changed = new ArrayList<>(rows);
        DrawRecord r = rows.get(middle);
        changed.set(middle, new DrawRecord(r.id(), r.seq(), r.kind(), r.tenderId(), r.algorithm(), r.seedCommitment(),
                r.eligibleList(), r.eligibleListHash(), r.request(), "NO_RANDOM_PICK", r.actor(), r.createdAt(),
                r.previousHash(), r.recordHash()));
        assertThat(ChainVerifier.verify(changed, secrets, head, sources)).extracting(ChainVerification::firstBrokenSeq,
                ChainVerification::problemCode).containsExactly(middleSeq, Problem.RECORD_CHANGED);
    }

    @Test
    void theOperatorsCheckReportsRowsChangedOrDeletedInTheTables() throws Exception {
        DrawRecord victim = appendGenuine(UUID.randomUUID().toString());
        appendGenuine(UUID.randomUUID().toString());

        api.get("demo", "/api/draws/chain-verification").andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.firstBrokenSeq").isEmpty());

        String sealedResult = column("result", victim.id());
        try {
            // Someone holding the key re-seals another result: the record hash finds it.
            jdbc.sql("UPDATE draw_record SET result = ? WHERE id = ?").params(sealed.seal("HRB=1\nSH=4\n"), victim.id())
                    .update();
            api.get("demo", "/api/draws/chain-verification").andExpect(status().isOk())
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(victim.seq()))
                    .andExpect(jsonPath("$.problemCode").value("RECORD_CHANGED"))
                    .andExpect(jsonPath("$.problem").value(org.hamcrest.Matchers.containsString("记录被修改")));
            // Someone without the key writes a plain result: it cannot be opened, and counts as changed.
            jdbc.sql("UPDATE draw_record SET result = ? WHERE id = ?").params("HRB=1\nSH=4\n", victim.id()).update();
            api.get("demo", "/api/draws/chain-verification").andExpect(status().isOk())
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(victim.seq()))
                    .andExpect(jsonPath("$.problemCode").value("RECORD_CHANGED"));
        } finally {
            jdbc.sql("UPDATE draw_record SET result = ? WHERE id = ?").params(sealedResult, victim.id()).update();
        }

        String sealedEligibleList = column("eligible_list", victim.id());
        try {
            jdbc.sql("UPDATE draw_record SET eligible_list = ? WHERE id = ?").params(sealed.seal("HRB=99\n"), victim.id())
                    .update();
            api.get("demo", "/api/draws/chain-verification").andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(victim.seq()))
                    .andExpect(jsonPath("$.problemCode").value("ELIGIBLE_LIST_CHANGED"));
        } finally {
            jdbc.sql("UPDATE draw_record SET eligible_list = ? WHERE id = ?").params(sealedEligibleList, victim.id())
                    .update();
        }

        String seed = store.seedOf(victim.id()).orElseThrow().seedHex();
        try {
            jdbc.sql("UPDATE draw_seed SET seed_hex = ? WHERE draw_id = ?")
                    .params(VenueDrawAlgorithmUnitTest.seed("forged").hex(), victim.id()).update();
            api.get("demo", "/api/draws/chain-verification").andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(victim.seq()))
                    .andExpect(jsonPath("$.problemCode").value("SECRET_CHANGED"));
        } finally {
            jdbc.sql("UPDATE draw_seed SET seed_hex = ? WHERE draw_id = ?").params(seed, victim.id()).update();
        }

        try {
            jdbc.sql("DELETE FROM draw_record WHERE id = ?").param(victim.id()).update();
            api.get("demo", "/api/draws/chain-verification").andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.firstBrokenSeq").value(victim.seq()))
                    .andExpect(jsonPath("$.problemCode").value("RECORD_MISSING"));
        } finally {
            new TransactionTemplate(transactions).executeWithoutResult(status -> store.insert(victim));
        }

        api.get("demo", "/api/draws/chain-verification").andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.records").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        for (String user : List.of("staff-hrb", "supervisor-hrb", "tenderer", "drc")) {
            api.get(user, "/api/draws/chain-verification").andExpect(status().isForbidden());
        }
    }

    @Test
    void aRecordsEligibleListRequestAndResultAreSealedInTheTableAndOpenedForTheChain() {
        DrawRecord record = appendGenuine(UUID.randomUUID().toString());

        Map<String, String> opened = Map.of("eligible_list", record.eligibleList(), "request", record.request(),
                "result", record.result());
        opened.forEach((column, text) -> {
            String stored = column(column, record.id());
            // Base64 has no line breaks, and every canonical text is made of lines.
            assertThat(stored).as(column).startsWith("v1:").doesNotContain("\n", text);
            assertThat(sealed.open("draw_record", column, record.id(), stored)).as(column).isEqualTo(text);
        });
        DrawRecord read = store.find(record.id()).orElseThrow();
        assertThat(read).isEqualTo(record);
        assertThat(read.result()).contains("=");
        assertThat(read.recordHashValid(store.seedOf(record.id()).orElseThrow().seedHex())).isTrue();
        assertThat(verifyRows().intact()).isTrue();
    }

    @Test
    void negotiatedVenuesGoIntoTheSameChainWithoutASeed() throws Exception {
        String tenderId = UUID.randomUUID().toString();
        TenderFacts tender = new TenderFacts(tenderId, "S-" + tenderId, "HRB", Category.SERVICES, Scope.INTRA_PROVINCE,
                TenderState.NEGOTIATING_VENUES, new Slot(LocalDate.of(2037, 3, 2), HalfDay.PM), 5);
        DrawRecord record = new TransactionTemplate(transactions).execute(status -> negotiated.record(tender,
                Map.of("HRB", 3, "DQ", 4, "SH", 2, "MDJ", 0), Map.of("HRB", 1, "DQ", 2, "SH", 2, "MDJ", 0), "staff-hrb"));

        assertThat(record.kind()).isEqualTo(DrawKind.NEGOTIATED_VENUES);
        assertThat(record.seedCommitment()).isNull();
        assertThat(record.result()).isEqualTo("DQ=2\nHRB=1\nSH=2\n");
        assertThat(store.seedOf(record.id()).orElseThrow().seedHex()).hasSize(64);
        assertThat(store.seedOf(record.id()).orElseThrow().revealed()).isFalse();
        api.get("demo", "/api/draws/" + record.id()).andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("NEGOTIATED_VENUES"))
                .andExpect(jsonPath("$.revealed").value(false))
                .andExpect(jsonPath("$.result").doesNotExist());
        api.get("demo", "/api/draws/" + record.id() + "/verification").andExpect(status().isConflict());

        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new EvaluationEnded(tenderId, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> store.seedOf(record.id()).orElseThrow().revealed());

        api.get("demo", "/api/draws/" + record.id() + "/verification").andExpect(status().isOk())
                .andExpect(jsonPath("$.seedMatchesCommitment").isEmpty())
                .andExpect(jsonPath("$.resultReproduced").isEmpty())
                .andExpect(jsonPath("$.recordHashValid").value(true))
                .andExpect(jsonPath("$.verified").value(true));
        assertThat(verifyRows().intact()).isTrue();
    }

    /** A record as a venue draw writes it, notice first, for a tender that exists only in this test. */
    private DrawRecord appendGenuine(String tenderId) {
        Noticed noticed = notices.announce(DrawKind.VENUE, tenderId);
        DerivedSeed seed = notices.seedAfterSnapshot(noticed, clock.instant());
        VenueDrawRequest request = new VenueDrawRequest(5, "HRB", new Slot(LocalDate.of(2037, 1, 5), HalfDay.AM),
                SeatPlanLimits.defaults());
        Map<String, Integer> free = VenueDrawAlgorithmUnitTest.uniform(4);
        VenueDrawOutcome outcome = new VenueDrawAlgorithm().draw(seed.stream(), request, free);
        return new TransactionTemplate(transactions).execute(status -> chain.append(new NewDraw(UUID.randomUUID().toString(),
                DrawKind.VENUE, tenderId, VenueDrawAlgorithm.ID_V2, seed.commitment(), Canonical.encodeCounts(free),
                request.canonical(), outcome.canonical(), "system").noticed(seed), seed.serverSeed()));
    }

    /** The column as the table holds it, sealed. */
    private String column(String column, String drawId) {
        return jdbc.sql("SELECT " + column + " FROM draw_record WHERE id = ?").param(drawId).query(String.class).single();
    }

    private record Snapshot(ChainHead head, List<DrawRecord> rows, Map<String, String> secrets) {
    }

    private Snapshot snapshot() {
        return new TransactionTemplate(transactions).execute(status -> {
            ChainHead head = store.lockHead();
            return new Snapshot(head, store.all(), store.allSecrets());
        });
    }

    private ChainVerification verifyRows() {
        Snapshot snapshot = snapshot();
        return ChainVerifier.verify(snapshot.rows(), snapshot.secrets(), snapshot.head(), sources);
    }
}
