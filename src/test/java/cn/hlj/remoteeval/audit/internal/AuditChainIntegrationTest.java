package cn.hlj.remoteeval.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.audit.AuditChain;
import cn.hlj.remoteeval.audit.AuditChainVerification;
import cn.hlj.remoteeval.audit.AuditChainVerification.Fault;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The audit chain on the real tables. The chain is one for the whole database and shared with every
 * other test: entries appended here are genuine and stay; tampering is done inside a transaction
 * that is rolled back after the check has seen it.
 */
@RemoteEvalIntegrationTest
class AuditChainIntegrationTest {

    private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Autowired
    AuditLog log;
    @Autowired
    AuditChain chain;
    @Autowired
    AuditSealer sealer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Api api;

    @Test
    void entriesAppendedFromManyThreadsWhileSealingAreEachSealedExactlyOnceInAContiguousChain() throws Exception {
        String subject = "chain-" + UUID.randomUUID();
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> appenders = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appenders.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // Half inside a longer transaction, so some lower ids commit after higher ones are sealed.
                        if (i % 2 == 0) {
                            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                                log.append(Instant.now(), "tester", "CHAIN_TEST", "AUDIT_TEST", subject, "t" + thread);
                                sleep(3);
                            });
                        } else {
                            log.append(Instant.now(), "tester", "CHAIN_TEST", "AUDIT_TEST", subject, "t" + thread + "\n#" + i);
                        }
                    }
                    return null;
                }));
            }
            Future<Integer> sealing = pool.submit(() -> {
                start.await();
                int sealed = 0;
                while (appenders.stream().anyMatch(f -> !f.isDone())) {
                    sealed += sealer.sealPending();
                }
                return sealed;
            });
            start.countDown();
            for (Future<?> appender : appenders) {
                appender.get(60, TimeUnit.SECONDS);
            }
            sealing.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        AuditChainVerification verification = chain.verify();

        assertThat(verification.intact()).as(String.valueOf(verification)).isTrue();
        List<Long> sealNos = jdbc.sql("SELECT seal_no FROM audit_entry WHERE subject_type = 'AUDIT_TEST' AND subject_id = ?")
                .param(subject).query(Long.class).list();
        assertThat(sealNos).hasSize(threads * perThread).doesNotContainNull().doesNotHaveDuplicates();
        Map<String, Object> whole = jdbc.sql("SELECT COUNT(*) AS n, COUNT(DISTINCT seal_no) AS d, MIN(seal_no) AS lo, "
                + "MAX(seal_no) AS hi FROM audit_entry WHERE seal_no IS NOT NULL").query().singleRow();
        long n = ((Number) whole.get(key(whole, "n"))).longValue();
        assertThat(((Number) whole.get(key(whole, "d"))).longValue()).isEqualTo(n);
        assertThat(((Number) whole.get(key(whole, "lo"))).longValue()).isEqualTo(1);
        assertThat(((Number) whole.get(key(whole, "hi"))).longValue()).isEqualTo(n);
        assertThat(verification.sealed()).isGreaterThanOrEqualTo(threads * perThread);
    }

    @Test
    void rowsChangedOrDeletedWithPlainSqlAreFoundAtTheirSealNumber() {
        String subject = "tamper-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            log.append(Instant.now(), "tester", "CHAIN_TEST", "AUDIT_TEST", subject, "genuine " + i);
        }
        assertThat(chain.verify().intact()).isTrue();
        long victim = jdbc.sql("SELECT MIN(seal_no) FROM audit_entry WHERE subject_type = 'AUDIT_TEST' AND subject_id = ?")
                .param(subject).query(Long.class).single();

        AuditChainVerification changed = tamperedAndRolledBack(() -> {
            jdbc.sql("UPDATE audit_entry SET detail = 'forged' WHERE seal_no = ?").param(victim).update();
            return chain.verify();
        });
        assertThat(changed).extracting(AuditChainVerification::intact, AuditChainVerification::firstBrokenSealNo,
                AuditChainVerification::fault).containsExactly(false, victim, Fault.HASH_MISMATCH);
        assertThat(changed.problem()).doesNotContain("tester", "genuine", "forged");

        AuditChainVerification rehashed = tamperedAndRolledBack(() -> {
            jdbc.sql("UPDATE audit_entry SET detail = 'forged' WHERE seal_no = ?").param(victim).update();
            jdbc.sql("UPDATE audit_entry SET entry_hash = ? WHERE seal_no = ?").params(documentedHashOf(victim), victim)
                    .update();
            return chain.verify();
        });
        assertThat(rehashed).extracting(AuditChainVerification::firstBrokenSealNo, AuditChainVerification::fault)
                .containsExactly(victim + 1, Fault.BROKEN_LINK);

        AuditChainVerification deleted = tamperedAndRolledBack(() -> {
            jdbc.sql("DELETE FROM audit_entry WHERE seal_no = ?").param(victim).update();
            return chain.verify();
        });
        assertThat(deleted).extracting(AuditChainVerification::firstBrokenSealNo, AuditChainVerification::fault)
                .containsExactly(victim, Fault.GAP);

        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theOperatorsChainCheckReportsTheAuditChainBesideTheDrawChainAndStaffMayNotRunIt() throws Exception {
        log.append(Instant.now(), "tester", "CHAIN_TEST", "AUDIT_TEST", "endpoint-" + UUID.randomUUID(), null);

        api.get("demo", "/api/draws/chain-verification").andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").isBoolean())
                .andExpect(jsonPath("$.records").isNumber())
                .andExpect(jsonPath("$.auditLog.intact").value(true))
                .andExpect(jsonPath("$.auditLog.sealed").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.auditLog.unsealed").isNumber())
                .andExpect(jsonPath("$.auditLog.actor").doesNotExist())
                .andExpect(jsonPath("$.auditLog.detail").doesNotExist());
        api.get("staff-hrb", "/api/draws/chain-verification").andExpect(status().isForbidden());
    }

    private AuditChainVerification tamperedAndRolledBack(Supplier<AuditChainVerification> tampering) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return tampering.get();
        });
    }

    /** The entry hash an intruder would write for the row as it now stands, from the document's definition. */
    private String documentedHashOf(long sealNo) {
        return jdbc.sql("SELECT id, prev_hash, occurred_at, actor, action, subject_type, subject_id, detail "
                + "FROM audit_entry WHERE seal_no = ?").param(sealNo).query((rs, row) -> {
                    try {
                        return AuditHashUnitTest.documentedHash(sealNo, rs.getString(2),
                                UTC_MICROS.format(rs.getTimestamp(3).toInstant()), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(1));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).single();
    }

    /** Column labels come back upper-case from H2 and as written from MariaDB. */
    private static String key(Map<String, Object> row, String label) {
        return row.keySet().stream().filter(k -> k.equalsIgnoreCase(label)).findFirst().orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
