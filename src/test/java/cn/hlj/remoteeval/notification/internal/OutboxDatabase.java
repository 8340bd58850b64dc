package cn.hlj.remoteeval.notification.internal;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An in-memory H2 database with the application's migrations, for the outbox's unit tests. */
final class OutboxDatabase {

    final JdbcClient jdbc;

    OutboxDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:sms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    void clear() {
        jdbc.sql("DELETE FROM sms_outbox").update();
    }

    String state(String key) {
        return jdbc.sql("SELECT state FROM sms_outbox WHERE idempotency_key = ?").param(key).query(String.class).single();
    }

    int attempts(String key) {
        return jdbc.sql("SELECT attempts FROM sms_outbox WHERE idempotency_key = ?").param(key).query(Integer.class)
                .single();
    }

    String column(String key, String column) {
        return jdbc.sql("SELECT " + column + " FROM sms_outbox WHERE idempotency_key = ?").param(key)
                .query((rs, row) -> rs.getString(1)).list().get(0);
    }

    java.time.Instant instant(String key, String column) {
        java.sql.Timestamp value = jdbc.sql("SELECT " + column + " FROM sms_outbox WHERE idempotency_key = ?")
                .param(key).query((rs, row) -> rs.getTimestamp(1)).list().get(0);
        return value == null ? null : value.toInstant();
    }
}
