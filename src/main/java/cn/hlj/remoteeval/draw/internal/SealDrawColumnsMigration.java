package cn.hlj.remoteeval.draw.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V28: seals the draw columns of the rows written before V27, once. A Java migration because it
 * needs the personal-data key; Spring Boot hands every {@link JavaMigration} bean to Flyway. It is
 * the one change ever made to existing {@code draw_record} rows, and it leaves their opened texts,
 * and so the hash chain, exactly as they were.
 */
@Component
class SealDrawColumnsMigration implements JavaMigration {

    /** The cipher's stored form; a value that has it was sealed already (a re-run after a partial failure). */
    private static final String SEALED_PREFIX = "v1:";

    private final SealedColumns sealed;

    SealDrawColumnsMigration(SealedColumns sealed) {
        this.sealed = sealed;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("28");
    }

    @Override
    public String getDescription() {
        return "seal draw columns";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        seal(connection, "draw_record", List.of("eligible_list", "request", "result"));
        seal(connection, "committee_seat", List.of("center_code", "expert_city"));
    }

    private void seal(Connection connection, String table, List<String> columns) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, " + String.join(", ", columns) + " FROM " + table);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String[] row = new String[columns.size() + 1];
                row[columns.size()] = rs.getString("id");
                for (int i = 0; i < columns.size(); i++) {
                    String value = rs.getString(columns.get(i));
                    row[i] = value == null || value.startsWith(SEALED_PREFIX) ? value : sealed.seal(value);
                }
                rows.add(row);
            }
        }
        String assignments = String.join(" = ?, ", columns) + " = ?";
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET " + assignments + " WHERE id = ?")) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    update.setString(i + 1, row[i]);
                }
                update.addBatch();
            }
            if (!rows.isEmpty()) {
                update.executeBatch();
            }
        }
    }
}
