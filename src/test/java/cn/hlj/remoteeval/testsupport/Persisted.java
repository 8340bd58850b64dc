package cn.hlj.remoteeval.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts what a request could have written anywhere: the app's tables, the engine's runtime and
 * history, and the event publication log. Used to prove that a rejected request changed nothing.
 */
public class Persisted {

    private static final String[] TABLES = { "tender", "tender_specialty", "audit_entry", "EVENT_PUBLICATION",
            "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST",
            "ACT_HI_DECINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK",
            "ACT_HI_TASKINST" };

    private final JdbcClient jdbc;

    public Persisted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Row counts per table, taken once earlier tests' asynchronous work has settled: event listeners,
     * the engine's due jobs, Quartz's due deadlines, and counts that no longer move. Without that,
     * a deadline of another test firing between two snapshots looked like a write of the request.
     */
    public Map<String, Long> snapshot() {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("EVENT_PUBLICATION") == 0);
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Long> counts = counts();
        while (System.nanoTime() < giveUp) {
            pause(250);
            Map<String, Long> again = counts();
            if (again.equals(counts) && !backgroundWorkDue()) {
                return again;
            }
            counts = again;
        }
        return counts;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }

    private boolean backgroundWorkDue() {
        long now = System.currentTimeMillis();
        long engineJobs = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 "
                + "AND (LOCK_OWNER_ IS NOT NULL OR DUEDATE_ IS NULL OR DUEDATE_ <= ?)")
                .param(new java.sql.Timestamp(now + 1_000)).query(Long.class).single();
        long deadlines = jdbc.sql("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE NEXT_FIRE_TIME <= ? "
                + "AND TRIGGER_STATE IN ('WAITING', 'ACQUIRED', 'EXECUTING', 'BLOCKED')").param(now + 1_000)
                .query(Long.class).single() + count("QRTZ_FIRED_TRIGGERS");
        return engineJobs + deadlines > 0;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
