package cn.hlj.remoteeval.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the MariaDB database a test execution names in {@code remote-eval.test.fresh-database} empty,
 * once per JVM and before the Spring context creates its tables, so that a test whose inputs depend on
 * what the database holds (the fuzz test) starts from the same state every run. Without the property
 * (H2 in memory: empty anyway) it does nothing. Call it from a {@code @DynamicPropertySource} method.
 */
public final class FreshDatabase {

    public static final String PROPERTY = "remote-eval.test.fresh-database";
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private FreshDatabase() {
    }

    public static void recreateOnce() {
        String database = System.getProperty(PROPERTY, "");
        if (database.isBlank() || !DONE.compareAndSet(false, true)) {
            return;
        }
        if (!database.matches("remote_eval_[a-z_]+_test")) {
            throw new IllegalArgumentException(PROPERTY + " names no test database: " + database);
        }
        String server = "jdbc:mysql://" + env("REMOTE_EVAL_DB_HOST", "127.0.0.1") + ":" + env("REMOTE_EVAL_DB_PORT", "3306")
                + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (Connection admin = DriverManager.getConnection(server, env("REMOTE_EVAL_DB_USER", "remote_eval"),
                env("REMOTE_EVAL_DB_PASSWORD", "remote_eval")); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the test database " + database, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
