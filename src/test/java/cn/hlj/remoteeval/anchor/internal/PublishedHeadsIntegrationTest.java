package cn.hlj.remoteeval.anchor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.audit.internal.AuditChainTampering;
import cn.hlj.remoteeval.draw.internal.DrawChainTampering;
import cn.hlj.remoteeval.reporting.MonthlyReports;
import cn.hlj.remoteeval.reporting.ReportMonth;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * The published heads on the real tables, engine and endpoint. Both chains are shared with every
 * other test, and the MariaDB database with earlier runs: each test publishes for a day of its own,
 * far in the past, and every rewrite happens in a transaction rolled back after the check saw it.
 */
@RemoteEvalIntegrationTest
class PublishedHeadsIntegrationTest {

    @Autowired
    HeadPublisher publisher;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Api api;
    @Autowired
    AuditLog audit;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    MonthlyReports reports;

    @Test
    void aDrawTailRewrittenWithItsHeadRecomputedPassesItsOwnWalkButNotThePublishedHead() throws Exception {
        DrawChainTampering draws = new DrawChainTampering(context);
        long victim = draws.appendVenueDraw("anchor-" + UUID.randomUUID());
        draws.appendVenueDraw("anchor-" + UUID.randomUUID());
        LocalDate day = ownDay();
        HeadStatement published = publisher.publish(day).orElseThrow().statement();
        assertThat(published.drawSeq()).isGreaterThan(victim);
        draws.appendVenueDraw("anchor-" + UUID.randomUUID());
        assertThat(check().get("publishedHeads").get("intact").asBoolean()).isTrue();

        JsonNode rewritten = rolledBack(() -> {
            draws.rewriteTailFrom(victim);
            return check();
        });

        assertThat(rewritten.get("intact").asBoolean()).as("the draw chain's own walk").isTrue();
        assertThat(rewritten.get("auditLog").get("intact").asBoolean()).isTrue();
        JsonNode finding = findingOf(rewritten, day);
        assertThat(finding.get("fault").asText()).isEqualTo("DRAW_HASH_MISMATCH");
        assertThat(finding.get("position").asLong()).isEqualTo(published.drawSeq());
        assertThat(finding.get("problem").asText()).contains("序号 " + published.drawSeq()).doesNotContain("forged", "anchor-");
        assertThat(check().get("publishedHeads").get("intact").asBoolean()).isTrue();
    }

    @Test
    void anAuditTailRewrittenWithItsHeadRecomputedPassesItsOwnWalkButNotThePublishedHead() throws Exception {
        String subject = "anchor-" + UUID.randomUUID();
        audit.append(Instant.now(), "tester", "ANCHOR_TEST", "AUDIT_TEST", subject, "genuine");
        LocalDate day = ownDay();
        HeadStatement published = publisher.publish(day).orElseThrow().statement();
        long victim = jdbc.sql("SELECT seal_no FROM audit_entry WHERE subject_id = ?").param(subject).query(Long.class).single();
        assertThat(published.auditSealNo()).isGreaterThanOrEqualTo(victim);
        audit.append(Instant.now(), "tester", "ANCHOR_TEST", "AUDIT_TEST", subject, "after");

        JsonNode rewritten = rolledBack(() -> {
            AuditChainTampering.rewriteTailFrom(jdbc, victim);
            return check();
        });

        assertThat(rewritten.get("auditLog").get("intact").asBoolean()).as("the audit chain's own walk").isTrue();
        JsonNode finding = findingOf(rewritten, day);
        assertThat(finding.get("fault").asText()).isEqualTo("AUDIT_HASH_MISMATCH");
        assertThat(finding.get("position").asLong()).isEqualTo(published.auditSealNo());
        assertThat(check().get("publishedHeads").get("intact").asBoolean()).isTrue();
    }

    @Test
    void aStatementChangedAfterPublicationIsReportedByItsSignature() throws Exception {
        LocalDate day = ownDay();
        publisher.publish(day).orElseThrow();

        JsonNode changed = rolledBack(() -> {
            jdbc.sql("UPDATE published_head SET draw_hash = ? WHERE statement_date = ?").params("ee".repeat(32),
                    java.sql.Date.valueOf(day)).update();
            return check();
        });

        assertThat(findingOf(changed, day).get("fault").asText()).isEqualTo("SIGNATURE_INVALID");
        JsonNode resigned = rolledBack(() -> {
            jdbc.sql("UPDATE published_head SET signature = ? WHERE statement_date = ?").params("3045" + "00".repeat(60),
                    java.sql.Date.valueOf(day)).update();
            return check();
        });
        assertThat(findingOf(resigned, day).get("fault").asText()).isEqualTo("SIGNATURE_INVALID");
        api.get("staff-hrb", "/api/draws/chain-verification").andExpect(status().isForbidden());
    }

    @Test
    void twoNodesPublishingTheSameDayAtOnceStoreOneStatementAndSendOneTask() throws Exception {
        LocalDate day = ownDay();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<PublishedHead>>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return publisher.publish(day);
                }));
            }
            start.countDown();
            long stored = 0;
            for (Future<Optional<PublishedHead>> run : runs) {
                stored += run.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM published_head WHERE statement_date = ?").param(java.sql.Date.valueOf(day))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(tasksOf(day)).hasSize(1);
        assertThat(publisher.publish(day)).isEmpty();
    }

    @Test
    void theSupervisorsArchiveTheStatementAndTheMonthlyWorkbookListsIt() throws Exception {
        LocalDate day = ownDay();
        PublishedHead head = publisher.publish(day).orElseThrow();

        Task task = tasksOf(day).get(0);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link -> assertThat(link.getGroupId())
                .isEqualTo("supervisor-PROV"));
        Map<String, Object> variables = tasks.getVariables(task.getId());
        assertThat(variables).containsEntry("drawHash", head.statement().drawHash())
                .containsEntry("signature", head.signature()).containsEntry("keyFingerprint", head.keyFingerprint());
        EngineActor.as(identity, "supervisor-prov", "supervisor-PROV",
                () -> tasks.complete(task.getId(), Map.of("headsArchived", true)));
        assertThat(tasksOf(day)).isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportMonth month = new ReportMonth(YearMonth.from(day));
        reports.writeWorkbook(reports.generate(month), out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("链头公布");
            assertThat(sheet).isNotNull();
            List<String> header = cells(sheet.getRow(2));
            assertThat(header).startsWith("日期", "抽取链序号", "抽取链哈希", "审计链序号", "审计链哈希", "签名");
            assertThat(header).contains("时间戳");
            List<List<String>> rows = new ArrayList<>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                rows.add(cells(sheet.getRow(r)));
            }
            assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(day.toString(),
                    Long.toString(head.statement().drawSeq()), head.statement().drawHash(),
                    Long.toString(head.statement().auditSealNo()), head.statement().auditHash(), head.signature()));
        }
    }

    private List<Task> tasksOf(LocalDate day) {
        return tasks.createTaskQuery().processInstanceBusinessKey("heads:" + day).list();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }

    private JsonNode check() throws Exception {
        return api.read(api.get("demo", "/api/draws/chain-verification").andExpect(status().isOk()));
    }

    private static JsonNode findingOf(JsonNode check, LocalDate day) {
        JsonNode published = check.get("publishedHeads");
        assertThat(published.get("intact").asBoolean()).as(published.toString()).isFalse();
        for (JsonNode finding : published.get("findings")) {
            if (finding.get("date").asText().equals(day.toString())) {
                return finding;
            }
        }
        throw new AssertionError("no finding for " + day + " in " + published);
    }

    /** A day of this test's own: the table keeps every earlier run's days on MariaDB. */
    private static LocalDate ownDay() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 19));
    }

    private <T> T rolledBack(Callable<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return call(work);
        });
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
