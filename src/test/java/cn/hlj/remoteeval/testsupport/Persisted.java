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

    /** Row counts per table, taken once earlier asynchronous work (audit listeners) has settled. */
    public Map<String, Long> snapshot() {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("EVENT_PUBLICATION") == 0);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count(table));
        }
        return counts;
    }

    public long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
