package cn.hlj.remoteeval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.testsupport.DatabaseUnderTest;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.PartnerInstance.Answer;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * The procedure of src/docs/operations/backup-restore.md on the real script: an application on a
 * source database registers tenders (a venue draw on the chain, an exempt tender with its explanation
 * deadline open), stops; {@code db-backup.sh backup} dumps the database, {@code restore} loads the
 * dump into an empty one, and a new application on it starts with nothing pending in Flyway, the
 * chain intact, the processes where they were, and the deadline firing. Runs outside the shared test
 * context on databases of its own: H2 files in a temporary folder, or MariaDB's
 * {@code remote_eval_backup_src} and {@code remote_eval_backup_dst} (made by .ci/mariadb-up).
 */
class BackupRestoreIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of(RemoteEvalApplication.ZONE);
    private static final Path SCRIPT = Path.of("src/main/scripts/db-backup.sh");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseStartsWithItsChainItsProcessesAndItsDeadlines() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Database source = database("src");
        Database target = database("dst");
        source.recreate();
        target.recreate();
        // The reminder is due before the dump is taken, and the source's scheduler never starts: the
        // deadline is open in the dump and came due while no node ran, as after an outage. The restored
        // application starts as the procedure says, its scheduler running.
        ZonedDateTime remindAt = ZonedDateTime.now(ZONE).withNano(0);

        String drawnTender;
        String exemptTender;
        String deadlineId;
        long chainRecords;
        int appliedMigrations;
        try (ConfigurableApplicationContext app = start(source, run, remindAt, false)) {
            drawnTender = register(app, TenderBody.valid());
            awaitState(app, drawnTender, "AWAITING_EXPERT_DRAW");
            exemptTender = register(app, TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER)
                    .exemption("SPECIAL_PROFESSION", "专业特殊"));
            Answer winner = call(app, "POST", "staff-hrb", "/api/tenders/" + exemptTender + "/winner",
                    Map.of("winningBidder", "某公司", "decidedOn", remindAt.toLocalDate().minusDays(1).toString()));
            assertThat(winner.status()).as(winner.body()).isEqualTo(200);
            DeadlineTicket deadline = single(app.getBean(Deadlines.class).ofTender(exemptTender));
            assertThat(deadline.kind()).isEqualTo(DeadlineKind.EXEMPTION_EXPLANATION);
            assertThat(deadline.remindAt()).isEqualTo(remindAt.toInstant());
            deadlineId = deadline.id();

            JsonNode chain = chainVerification(app);
            assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
            chainRecords = chain.get("records").asLong();
            assertThat(chainRecords).isPositive();
            appliedMigrations = app.getBean(Flyway.class).info().applied().length;
            assertThat(app.getBean(Deadlines.class).find(deadlineId).orElseThrow().state())
                    .isEqualTo(DeadlineState.SCHEDULED);
        }

        Path dump = folder.resolve("remote-eval.sql");
        Outcome backup = source.script("backup", dump.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(Files.readString(dump, StandardCharsets.UTF_8)).containsIgnoringCase("QRTZ_TRIGGERS")
                .containsIgnoringCase("ACT_RU_EXECUTION").containsIgnoringCase("flyway_schema_history");
        Outcome restore = target.script("restore", dump.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(target.count("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '" + deadlineId + ".breach'"))
                .as("the breach trigger came with the dump").isOne();
        // As in a dump taken while the original node was firing this reminder: Quartz had used the trigger
        // up, the deadline's own change had not committed. The deadline sweep at start re-arms it.
        assertThat(target.update("DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME = '" + deadlineId + ".reminder'"))
                .isOne();
        assertThat(target.update("DELETE FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = '" + deadlineId + ".reminder'")).isOne();

        try (ConfigurableApplicationContext app = start(target, run, remindAt, true)) {
            Flyway flyway = app.getBean(Flyway.class);
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
            assertThat(flyway.info().applied()).hasSize(appliedMigrations);

            JsonNode chain = chainVerification(app);
            assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
            assertThat(chain.get("records").asLong()).isEqualTo(chainRecords);

            assertThat(state(app, drawnTender)).isEqualTo("AWAITING_EXPERT_DRAW");
            ProcessInstance drawn = instance(app, drawnTender);
            assertThat(app.getBean(RuntimeService.class).getActiveActivityIds(drawn.getId())).contains("AwaitExpertDraw");
            assertThat(app.getBean(ManagementService.class).createJobQuery().processInstanceId(drawn.getId()).timers()
                    .count()).as("the expert draw's timer").isOne();
            assertThat(state(app, exemptTender)).isEqualTo("AWAITING_EXEMPTION_EXPLANATION");
            ProcessInstance exempt = instance(app, exemptTender);
            assertThat(app.getBean(RuntimeService.class).getActiveActivityIds(exempt.getId()))
                    .contains("AwaitExemptionExplanation");

            Deadlines deadlines = app.getBean(Deadlines.class);
            Instant limit = Instant.now().plus(Duration.ofSeconds(60));
            while (deadlines.find(deadlineId).orElseThrow().state() != DeadlineState.REMINDED) {
                if (Instant.now().isAfter(limit)) {
                    throw new AssertionError("the reminder due while no node ran did not fire after the restore");
                }
                Thread.sleep(500);
            }
            Answer audit = call(app, "GET", "demo", "/api/audit/tenders/" + exemptTender, null);
            assertThat(audit.status()).isEqualTo(200);
            assertThat(audit.body()).as("the process received the reminder").contains("EXEMPTION_EXPLANATION_REMINDED");
        }

        long tenders = target.count("SELECT COUNT(*) FROM tender");
        assertThat(tenders).isEqualTo(2);
        Outcome again = target.script("restore", dump.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("refused").contains("not empty");
        assertThat(target.count("SELECT COUNT(*) FROM tender")).isEqualTo(tenders);
        assertThat(target.count("SELECT COUNT(*) FROM deadline WHERE state = 'REMINDED'")).isOne();
    }

    private static ConfigurableApplicationContext start(Database database, String run, ZonedDateTime remindAt,
            boolean restored) {
        List<String> args = new ArrayList<>(database.springArguments());
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.quartz.scheduler-name=remote-eval-backup-" + run);
        args.add("--spring.quartz.auto-startup=" + restored);
        args.add("--camunda.bpm.process-engine-name=backup" + run.replace("-", ""));
        args.add("--camunda.bpm.webapp.enabled=false");
        args.add("--remote-eval.deadline.terms.EXEMPTION_EXPLANATION.calendar-days=15");
        args.add("--remote-eval.deadline.terms.EXEMPTION_EXPLANATION.reminder-day=1");
        args.add("--remote-eval.deadline.reminder-time=" + remindAt.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME));
        return new SpringApplicationBuilder(RemoteEvalApplication.class).run(args.toArray(String[]::new));
    }

    private static String register(ConfigurableApplicationContext app, TenderBody body) throws IOException {
        Answer answer = call(app, "POST", "staff-hrb", "/api/tenders", body.asMap());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private static void awaitState(ConfigurableApplicationContext app, String tenderId, String expected)
            throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(60));
        while (!expected.equals(state(app, tenderId))) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("tender " + tenderId + " did not reach " + expected + ": " + state(app, tenderId));
            }
            Thread.sleep(300);
        }
    }

    private static String state(ConfigurableApplicationContext app, String tenderId) throws IOException {
        Answer answer = call(app, "GET", "staff-hrb", "/api/tenders/" + tenderId, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("state").asText();
    }

    /** The operator's check, as an operator calls it. */
    private static JsonNode chainVerification(ConfigurableApplicationContext app) throws IOException {
        Answer answer = call(app, "GET", "demo", "/api/draws/chain-verification", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static ProcessInstance instance(ConfigurableApplicationContext app, String tenderId) {
        return app.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult();
    }

    private static Answer call(ConfigurableApplicationContext app, String method, String user, String path, Object body)
            throws IOException {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return PartnerInstance.call(port, method, user, path, body == null ? null : JSON.writeValueAsString(body));
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private Database database(String role) {
        boolean mariaDb = "MariaDB".equalsIgnoreCase(System.getProperty(DatabaseUnderTest.EXPECTED_PROPERTY, "H2"));
        return mariaDb ? new MariaDb("remote_eval_backup_" + role) : new H2(folder.resolve(role).resolve("remote-eval"));
    }

    record Outcome(int exitCode, String output) {
    }

    /** A database of this test, the application's arguments to use it and the script's environment for it. */
    private abstract static class Database {

        abstract void recreate() throws SQLException;

        abstract List<String> springArguments();

        abstract String kind();

        abstract Map<String, String> scriptEnvironment();

        abstract Connection connect() throws SQLException;

        int update(String sql) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        }

        long count(String sql) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }

        Outcome script(String command, String dump) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "--db", kind(), command, dump)
                    .redirectErrorStream(true);
            builder.environment().putAll(scriptEnvironment());
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("db-backup.sh " + command + " finished").isTrue();
            return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
    }

    private static final class H2 extends Database {

        private final String url;

        H2(Path file) {
            this.url = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        }

        @Override
        void recreate() {
            // A fresh temporary folder: there is nothing yet.
        }

        @Override
        List<String> springArguments() {
            return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=sa",
                    "--spring.datasource.password=");
        }

        @Override
        String kind() {
            return "h2";
        }

        @Override
        Map<String, String> scriptEnvironment() {
            try {
                String jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString();
                return Map.of("REMOTE_EVAL_DB_URL", url, "REMOTE_EVAL_DB_USER", "sa", "REMOTE_EVAL_DB_PASSWORD", "",
                        "REMOTE_EVAL_H2_JAR", jar);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
        }
    }

    /** On the server and with the account of the mysql profile (REMOTE_EVAL_DB_* or its defaults). */
    private static final class MariaDb extends Database {

        private final String name;
        private final String host = env("REMOTE_EVAL_DB_HOST", "127.0.0.1");
        private final String port = env("REMOTE_EVAL_DB_PORT", "3306");
        private final String user = env("REMOTE_EVAL_DB_USER", "remote_eval");
        private final String password = env("REMOTE_EVAL_DB_PASSWORD", "remote_eval");

        MariaDb(String name) {
            this.name = name;
        }

        @Override
        void recreate() throws SQLException {
            try (Connection connection = DriverManager.getConnection(url(""), user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
                statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        }

        @Override
        List<String> springArguments() {
            List<String> args = new ArrayList<>();
            args.add("--REMOTE_EVAL_DB_NAME=" + name);
            // A run pointed at another database by spring.datasource.url keeps its options, not its database.
            String url = System.getProperty("spring.datasource.url", "");
            if (url.startsWith("jdbc:mysql:")) {
                args.add("--spring.datasource.url=" + url.replaceFirst("^(jdbc:mysql://[^/]+/)[^?]*", "$1" + name));
            }
            return args;
        }

        @Override
        String kind() {
            return "mysql";
        }

        @Override
        Map<String, String> scriptEnvironment() {
            return Map.of("REMOTE_EVAL_DB_HOST", host, "REMOTE_EVAL_DB_PORT", port, "REMOTE_EVAL_DB_NAME", name,
                    "REMOTE_EVAL_DB_USER", user, "REMOTE_EVAL_DB_PASSWORD", password);
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url(name), user, password);
        }

        private String url(String database) {
            return "jdbc:mysql://" + host + ":" + port + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
        }

        private static String env(String variable, String fallback) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
