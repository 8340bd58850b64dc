package cn.hlj.remoteeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hlj.remoteeval.deadline.DeadlineBreached;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineReminderDue;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.deadline.internal.DeadlineResync;
import cn.hlj.remoteeval.testsupport.NodeProcess;
import cn.hlj.remoteeval.testsupport.PartnerInstance;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * DESIGN.md §3's cluster when a node dies: two nodes of this application on one database, the
 * second a separate process killed with {@code SIGKILL} while it is in the middle of deadline firings
 * and engine jobs (venue draws). The test holds the rows those transactions need, so that the kill
 * lands inside them, not before or after. The surviving node then finishes everything exactly once:
 * each deadline reminds and breaches once, each tender is drawn once for venues and once for experts,
 * each invitation SMS is sent once, the draw chain is intact, and no incident or failed job is left.
 *
 * <p>Runs on its own database (H2 served over TCP, so that two processes share it; on MariaDB the
 * database {@code remote_eval_nodes_test}), because the shared test context's job executor would
 * otherwise take part.
 */
class NodeFailoverIntegrationTest {

    static final int DEADLINES = 12;
    static final int TENDERS = 10;
    static final String NODES_DATABASE = "remote_eval_nodes_test";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Path logs = Path.of("target", "nodes", run);
    final Map<String, AtomicInteger> reminders = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> breaches = new ConcurrentHashMap<>();

    @Test
    void theSurvivingNodeFinishesEveryDeadlineDrawAndSmsOfAKilledNodeExactlyOnce() throws Exception {
        try (SharedDatabase database = SharedDatabase.create(run)) {
            List<String> survivorArguments = new ArrayList<>(arguments(database, "survivor"));
            survivorArguments.add("--server.port=0");
            ConfigurableApplicationContext survivor = new SpringApplicationBuilder(RemoteEvalApplication.class)
                    .listeners(event -> count(event)).run(survivorArguments.toArray(String[]::new));
            try (NodeProcess victim = NodeProcess.start(freePort(), arguments(database, "victim"),
                    logs.resolve("victim.log"), Duration.ofMinutes(3))) {
                runScenario(database, survivor, victim);
            } finally {
                survivor.close();
            }
        }
    }

    private void runScenario(SharedDatabase database, ConfigurableApplicationContext survivor, NodeProcess victim)
            throws Exception {
        JdbcClient jdbc = survivor.getBean(JdbcClient.class);
        int port = survivor.getEnvironment().getProperty("local.server.port", Integer.class);
        String survivorScheduler = survivor.getBean(Scheduler.class).getSchedulerInstanceId();
        String survivorLockOwner = ((ProcessEngineConfigurationImpl) survivor.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration()).getJobExecutor().getLockOwner();

        List<String> deadlineIds = openPastDueDeadlinesWithoutTriggers(survivor);

        try (Connection holder = database.connect()) {
            holder.setAutoCommit(false);
            lockRows(holder, deadlineIds);

            // Both nodes now fire the deadlines and run the draws; every one of them waits for a row the test holds.
            survivor.getBean(DeadlineResync.class).resync();
            List<String> tenderIds = new ArrayList<>();
            for (int i = 0; i < TENDERS; i++) {
                tenderIds.add(register(port));
            }

            await(Duration.ofSeconds(90), "the victim holds a deadline firing and an engine job", () ->
                    count(jdbc, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE STATE = 'EXECUTING' AND INSTANCE_NAME <> ?",
                            survivorScheduler) > 0
                    && count(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_OWNER_ <> ?",
                            survivorLockOwner) > 0);
            long firingsCutOff = count(jdbc, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE STATE = 'EXECUTING' "
                    + "AND INSTANCE_NAME <> ?", survivorScheduler);
            long jobsCutOff = count(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_OWNER_ <> ?",
                    survivorLockOwner);

            victim.kill();
            holder.rollback();
            assertThat(victim.alive()).isFalse();
            assertThat(firingsCutOff).as("deadline firings cut off by the kill").isPositive();
            assertThat(jobsCutOff).as("engine jobs cut off by the kill").isPositive();

            String tenders = inList(tenderIds);
            await(Duration.ofMinutes(3), "every deadline breached, every tender drawn and every SMS sent", () ->
                    count(jdbc, "SELECT COUNT(*) FROM deadline WHERE state = 'BREACHED' AND id IN " + inList(deadlineIds))
                            == DEADLINES
                    && count(jdbc, "SELECT COUNT(DISTINCT tender_id) FROM draw_record WHERE kind = 'EXPERT' AND tender_id IN "
                            + tenders) == TENDERS
                    && count(jdbc, "SELECT COUNT(*) FROM sms_outbox WHERE state <> 'SENT'") == 0
                    && count(jdbc, "SELECT COUNT(*) FROM sms_outbox") > 0);
            // Time for a second firing, draw or send to show up, had anything run twice.
            Thread.sleep(5_000);

            // A reminder whose firing was cut off may come back after its breach, which then supersedes it.
            assertThat(deadlineIds).allSatisfy(id -> {
                assertThat(reminders.getOrDefault(id, new AtomicInteger()).get()).as("reminders of %s", id).isLessThanOrEqualTo(1);
                assertThat(breaches.get(id)).as("breaches of %s", id).hasValue(1);
            });
            for (String kind : List.of("VENUE", "EXPERT")) {
                assertThat(jdbc.sql("SELECT tender_id, COUNT(*) FROM draw_record WHERE kind = ? AND tender_id IN " + tenders
                        + " GROUP BY tender_id").param(kind).query((rs, row) -> rs.getLong(2)).list())
                        .as("%s draws per tender", kind).hasSize(TENDERS).containsOnly(1L);
            }
            long seats = count(jdbc, "SELECT COUNT(*) FROM committee_seat WHERE tender_id IN " + tenders);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM sms_outbox")).as("one invitation SMS per seat").isEqualTo(seats);
            List<String> sent = sentKeys();
            assertThat(sent).as("SMS handed to the gateway").hasSize((int) seats).doesNotHaveDuplicates();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("open incidents").isZero();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0")).as("failed jobs").isZero();
            PartnerInstance.Answer chain = PartnerInstance.call(port, "GET", "demo", "/api/draws/chain-verification", null);
            assertThat(chain.status()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(chain.body()).path("intact").asBoolean()).as(chain.body()).isTrue();
        }
    }

    /** Opened with their triggers removed in the same transaction, so that they fire only when re-armed. */
    private List<String> openPastDueDeadlinesWithoutTriggers(ConfigurableApplicationContext node) {
        Deadlines deadlines = node.getBean(Deadlines.class);
        Scheduler scheduler = node.getBean(Scheduler.class);
        return node.getBean(TransactionTemplate.class).execute(status -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < DEADLINES; i++) {
                ids.add(deadlines.open(DeadlineKind.EXEMPTION_EXPLANATION, UUID.randomUUID().toString(),
                        "FAILOVER-" + run + "-" + i, LocalDate.now(java.time.ZoneId.of(RemoteEvalApplication.ZONE)).minusDays(60)).id());
            }
            try {
                List<TriggerKey> keys = new ArrayList<>(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("deadline")));
                scheduler.unscheduleJobs(keys);
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
            return ids;
        });
    }

    private static void lockRows(Connection holder, List<String> deadlineIds) throws SQLException {
        try (PreparedStatement deadlines = holder.prepareStatement("SELECT id FROM deadline WHERE id IN " + inList(deadlineIds)
                + " FOR UPDATE");
                PreparedStatement chainHead = holder.prepareStatement("SELECT last_seq FROM draw_chain_head WHERE id = 1 FOR UPDATE")) {
            deadlines.executeQuery().close();
            chainHead.executeQuery().close();
        }
    }

    private static String register(int port) {
        String body;
        try {
            body = new ObjectMapper().writeValueAsString(TenderBody.valid().asMap());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PartnerInstance.Answer answer = PartnerInstance.call(port, "POST", "staff-hrb", "/api/tenders", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        try {
            return new ObjectMapper().readTree(answer.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(Object event) {
        if (event instanceof PayloadApplicationEvent<?> payload) {
            if (payload.getPayload() instanceof DeadlineReminderDue due) {
                reminders.computeIfAbsent(due.deadlineId(), id -> new AtomicInteger()).incrementAndGet();
            } else if (payload.getPayload() instanceof DeadlineBreached breached) {
                breaches.computeIfAbsent(breached.deadlineId(), id -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    /** The idempotency keys both nodes' SMS gateways (files) were handed. */
    private List<String> sentKeys() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> keys = new ArrayList<>();
        for (String node : List.of("survivor", "victim")) {
            Path file = logs.resolve("sms-" + node + ".jsonl");
            if (Files.exists(file)) {
                try (Stream<String> lines = Files.lines(file)) {
                    for (String line : lines.filter(l -> !l.isBlank()).toList()) {
                        keys.add(json.readTree(line).path("idempotencyKey").asText());
                    }
                }
            }
        }
        return keys;
    }

    private List<String> arguments(SharedDatabase database, String node) {
        List<String> args = new ArrayList<>(database.arguments());
        args.add("--spring.main.banner-mode=off");
        if (node.equals("victim")) {
            // The survivor runs in the test JVM, whose log file the secrecy tests read.
            args.add("--logging.file.name=" + logs.resolve(node + "-app.log"));
        }
        // One cluster: the same scheduler name on both nodes, quick to notice a dead one.
        args.add("--spring.quartz.scheduler-name=remote-eval-nodes-" + run);
        args.add("--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000");
        args.add("--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000");
        // The sweep would repair a lost firing too; this test is about recovery, so it stays out of the way.
        args.add("--remote-eval.deadline.sweep-cron=0 0 0 1 1 ? 2099");
        args.add("--camunda.bpm.process-engine-name=nodes" + run.replace("-", "") + node);
        args.add("--camunda.bpm.webapp.enabled=false");
        args.add("--camunda.bpm.job-execution.lock-time-in-millis=15000");
        args.add("--remote-eval.sms.dispatch-enabled=true");
        args.add("--remote-eval.sms.dispatch-interval=PT1S");
        args.add("--remote-eval.sms.file=" + logs.resolve("sms-" + node + ".jsonl"));
        args.add("--remote-eval.exchange.delivery.enabled=false");
        // The experts are drawn as soon as the venues are (the tenders' dates lie years ahead).
        args.add("--remote-eval.expert-notice.draw-lead-time=P7300D");
        return args;
    }

    private static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String inList(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).map(s -> "(" + s + ")").orElseThrow();
    }

    private static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        Instant limit = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(limit);
            Thread.sleep(250);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database both nodes share, made empty for the run and dropped after it. */
    private interface SharedDatabase extends AutoCloseable {

        List<String> arguments();

        Connection connect() throws SQLException;

        @Override
        void close() throws SQLException;

        static SharedDatabase create(String run) throws SQLException {
            String url = System.getProperty("spring.datasource.url", "");
            return url.startsWith("jdbc:h2:") || url.isEmpty() && !"MariaDB".equals(System.getProperty(
                    "remote-eval.test.expected-database")) ? h2(run) : mariadb();
        }

        private static SharedDatabase h2(String run) throws SQLException {
            Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            // A long lock timeout: the test holds rows for many seconds on purpose.
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:remote-eval-nodes-" + run
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000";
            return new SharedDatabase() {
                @Override
                public List<String> arguments() {
                    return List.of("--spring.profiles.active=test", "--spring.datasource.url=" + url,
                            "--spring.datasource.driver-class-name=org.h2.Driver", "--spring.datasource.username=sa",
                            "--spring.datasource.password=");
                }

                @Override
                public Connection connect() throws SQLException {
                    return DriverManager.getConnection(url, "sa", "");
                }

                @Override
                public void close() {
                    server.stop();
                }
            };
        }

        private static SharedDatabase mariadb() throws SQLException {
            String server = "jdbc:mysql://127.0.0.1:3306/";
            String options = "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&characterEncoding=UTF-8"
                    + "&useSSL=false&allowPublicKeyRetrieval=true";
            try (Connection admin = DriverManager.getConnection(server + options, "remote_eval", "remote_eval")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + NODES_DATABASE);
                admin.createStatement().execute("CREATE DATABASE " + NODES_DATABASE
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            String url = server + NODES_DATABASE + options;
            return new SharedDatabase() {
                @Override
                public List<String> arguments() {
                    return List.of("--spring.profiles.active=mysql,test", "--spring.datasource.url=" + url);
                }

                @Override
                public Connection connect() throws SQLException {
                    Connection connection = DriverManager.getConnection(url, "remote_eval", "remote_eval");
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    return connection;
                }

                @Override
                public void close() throws SQLException {
                    try (Connection admin = DriverManager.getConnection(server + options, "remote_eval", "remote_eval")) {
                        admin.createStatement().execute("DROP DATABASE IF EXISTS " + NODES_DATABASE);
                    }
                }
            };
        }
    }
}
