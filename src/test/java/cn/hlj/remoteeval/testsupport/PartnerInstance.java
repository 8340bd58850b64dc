package cn.hlj.remoteeval.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.crossprovince.exchange.NationalCrypto;

/**
 * The partner simulator in the tests: this application started a second time in the same JVM as
 * another province (its own code, key, port, engine, scheduler and in-memory H2 database, also when
 * the shared context runs on MariaDB), with the test profile's demo directory and pool. Stopped, it
 * keeps its database, so that a test can bring the partner back after an outage on the same port.
 */
public final class PartnerInstance implements AutoCloseable {

    private static final NationalCrypto CRYPTO = new NationalCrypto(new SecureRandom());

    private final String province;
    private final NationalCrypto.KeyPair keys = CRYPTO.newKeyPair();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final int port = freePort();
    private ConfigurableApplicationContext context;

    public PartnerInstance(String province) {
        this.province = province;
    }

    /** Starts (or restarts after {@link #stop()}) the partner's application. */
    public PartnerInstance start() {
        context = new SpringApplicationBuilder(RemoteEvalApplication.class).run(arguments().toArray(String[]::new));
        return this;
    }

    /** Stops it like a node going down; its database stays for {@link #start()}. */
    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String province() {
        return province;
    }

    public String publicKey() {
        return keys.publicKey();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port + "/exchange/v1/messages";
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    /** The partner's answer to a request: status and body. */
    public record Answer(int status, String body) {
    }

    /** A JSON request to the partner's API as one of its demo users (HTTP Basic, password = user id). */
    public Answer call(String method, String user, String path, String json) {
        return call(port, method, user, path, json);
    }

    public int port() {
        return port;
    }

    /** A call to the application on the port (this machine), as the user with the demo password (the user id). */
    public static Answer call(int port, String method, String user, String path, String json) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            request.method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(json));
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Enters {@code code} as a connected partner in this instance's register, with its key and address. */
    public void registerPartner(String code, String publicKey, String endpoint) {
        register(jdbc(), code, publicKey, endpoint);
    }

    /** Enters a connected partner in a register (through SQL: the register's steps are not under test here). */
    public static void register(JdbcClient jdbc, String code, String publicKey, String endpoint) {
        LocalDate day = LocalDate.of(2026, 1, 5);
        jdbc.sql("INSERT INTO partner_province (code, name, state, negotiation_started_on, joint_test_passed_on, connected_on, "
                + "last_step_on, version, registered_by, registered_at, exchange_public_key, exchange_endpoint) "
                + "VALUES (?, '测试省', 'CONNECTED', ?, ?, ?, ?, 0, 'test', ?, ?, ?)")
                .params(code, Date.valueOf(day), Date.valueOf(day), Date.valueOf(day), Date.valueOf(day),
                        Timestamp.from(Instant.now()), publicKey, endpoint)
                .update();
    }

    /** Removes a partner entered with {@link #register}, so that no other test meets it in the register. */
    public static void unregister(JdbcClient jdbc, String code) {
        jdbc.sql("DELETE FROM partner_province WHERE code = ?").param(code).update();
    }

    private List<String> arguments() {
        List<String> args = new ArrayList<>();
        args.add("--spring.profiles.active=test");
        args.add("--spring.datasource.url=jdbc:h2:mem:remote-eval-partner-" + run + ";DB_CLOSE_DELAY=-1");
        args.add("--spring.datasource.driver-class-name=org.h2.Driver");
        args.add("--spring.datasource.username=sa");
        args.add("--spring.datasource.password=");
        args.add("--server.port=" + port);
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.quartz.scheduler-name=remote-eval-partner-" + run);
        args.add("--camunda.bpm.process-engine-name=partner" + run.replace("-", ""));
        args.add("--camunda.bpm.webapp.enabled=false");
        args.add("--spring.modulith.events.republish-outstanding-events-on-restart=false");
        args.add("--remote-eval.exchange.province=" + province);
        args.add("--remote-eval.exchange.private-key=" + keys.privateKey());
        args.add("--remote-eval.exchange.delivery.plain-http-allowed=true");
        args.add("--remote-eval.exchange.delivery.max-backoff=PT5S");
        return args;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
