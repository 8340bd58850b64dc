package cn.hlj.remoteeval.web;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * Every table of the application and of Camunda, each as its row count plus the sum of its revision
 * column (Camunda's {@code REV_}, the application's {@code version}) where it has one, read in one
 * statement: an insert or delete changes the count, an update of a versioned row changes the sum.
 *
 * <p>Tables that work in the background without any request (Quartz's cluster check-in, the job
 * executor's acquisition, the metrics, the outboxes) are "background" tables: a change in one of them
 * makes a comparison window ambiguous rather than blaming the request that happened to run then.
 */
final class TableChecksum {

    /** Tables written by schedulers and pollers, not by a request. */
    private static final List<String> BACKGROUND_PREFIXES = List.of("QRTZ_", "ACT_RU_JOB", "ACT_RU_METER_LOG",
            "ACT_RU_TASK_METER_LOG", "ACT_HI_JOB_LOG", "ACT_GE_PROPERTY", "ACT_RU_EXT_TASK", "EVENT_PUBLICATION",
            "EXCHANGE_OUTBOX", "EXCHANGE_INBOX", "SMS_OUTBOX", "FLYWAY_");

    private final DataSource dataSource;
    private final String query;
    private final List<String> tables;

    TableChecksum(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        List<String> selects = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String quote = meta.getIdentifierQuoteString().trim();
            String schema = connection.getSchema();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                String revision = null;
                try (ResultSet columns = meta.getColumns(connection.getCatalog(), schema, table, "%")) {
                    while (columns.next()) {
                        String column = columns.getString("COLUMN_NAME");
                        String upper = column.toUpperCase(Locale.ROOT);
                        int type = columns.getInt("DATA_TYPE");
                        boolean numeric = type == java.sql.Types.INTEGER || type == java.sql.Types.BIGINT
                                || type == java.sql.Types.SMALLINT || type == java.sql.Types.NUMERIC
                                || type == java.sql.Types.DECIMAL;
                        if (numeric && (upper.equals("REV_") || upper.equals("VERSION"))) {
                            revision = column;
                        }
                    }
                }
                String sum = revision == null ? "0" : "COALESCE(SUM(" + quote + revision + quote + "),0)";
                selects.add("SELECT '" + table + "', COUNT(*), " + sum + " FROM " + quote + table + quote);
            }
        }
        this.tables = List.copyOf(names);
        this.query = String.join(" UNION ALL ", selects);
    }

    int tableCount() {
        return tables.size();
    }

    /** Table name → "rows/revisionSum". */
    Map<String, String> snapshot() {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the table checksums", e);
        }
        return result;
    }

    /** The tables whose count or revision sum differs. */
    static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, String> entry : after.entrySet()) {
            if (!Objects.equals(before.get(entry.getKey()), entry.getValue())) {
                changed.add(entry.getKey());
            }
        }
        return changed;
    }

    static boolean isBackground(String table) {
        String upper = table.toUpperCase(Locale.ROOT);
        return BACKGROUND_PREFIXES.stream().anyMatch(upper::startsWith);
    }
}
