package cn.hlj.remoteeval.confidentiality;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Every character column (and, decoded as UTF-8, every binary one: serialized variables, Quartz job
 * data) of every table the application's datasource holds, read through JDBC metadata so that a table
 * added later is searched without changing this test. Columns that hold ciphertext or a blind index
 * are left out by name; rows are left out only where a {@link RowSkip} says so.
 */
final class DatabaseScan {

    /** Ciphertext (AES-GCM, base64) and keyed hashes: {@code *_enc}, {@code *_cipher}, the 身份证号 blind index. */
    static final Pattern ENCRYPTED_COLUMN = Pattern.compile("(?i).*_enc|.*_cipher|id_number_index");

    private static final Set<Integer> CHARACTER = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

    /** Rows of one table the audit does not search: those that define a canary. */
    record RowSkip(String table, String why, Predicate<Map<String, Object>> row) {
    }

    private final DataSource dataSource;

    DatabaseScan(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Searches the whole database; answers the tables and columns searched (for the report). */
    Summary search(Hits hits, Map<String, String> terms, List<RowSkip> skips) throws SQLException {
        Summary summary = new Summary();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String quote = meta.getIdentifierQuoteString().strip();
            for (Table table : tables(connection)) {
                summary.tables.add(table.name);
                List<String> searchable = new ArrayList<>();
                List<String> binary = new ArrayList<>();
                table.columns.forEach((column, type) -> {
                    if (ENCRYPTED_COLUMN.matcher(column).matches()) {
                        summary.skippedColumns.add(table.name + "." + column);
                    } else if (CHARACTER.contains(type)) {
                        searchable.add(column);
                    } else if (BINARY.contains(type)) {
                        binary.add(column);
                    }
                });
                summary.columns += searchable.size() + binary.size();
                List<RowSkip> tableSkips = skips.stream().filter(s -> s.table().equalsIgnoreCase(table.name)).toList();
                if (!searchable.isEmpty()) {
                    searchCharacterColumns(connection, quote, table, searchable, terms, tableSkips, hits, summary);
                }
                for (String column : binary) {
                    searchBinaryColumn(connection, quote, table, column, terms, tableSkips, hits, summary);
                }
            }
        }
        return summary;
    }

    private void searchCharacterColumns(Connection connection, String quote, Table table, List<String> columns,
            Map<String, String> terms, List<RowSkip> skips, Hits hits, Summary summary) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<String> parameters = new ArrayList<>();
        for (String column : columns) {
            for (String term : terms.values()) {
                where.append(where.isEmpty() ? "" : " OR ").append("LOWER(").append(q(quote, column)).append(") LIKE ?");
                parameters.add("%" + term.toLowerCase(Locale.ROOT) + "%");
            }
        }
        String sql = "SELECT * FROM " + q(quote, table.name) + " WHERE " + where;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> row = row(rows);
                    RowSkip skip = skips.stream().filter(s -> s.row().test(row)).findFirst().orElse(null);
                    if (skip != null) {
                        summary.skippedRows.add(table.name + " " + key(table, row) + " (" + skip.why() + ")");
                        continue;
                    }
                    for (String column : columns) {
                        Object value = row.get(column.toLowerCase(Locale.ROOT));
                        hits.search("db " + table.name + "." + column + " " + key(table, row),
                                value == null ? null : value.toString(), terms);
                    }
                }
            }
        }
    }

    private void searchBinaryColumn(Connection connection, String quote, Table table, String column,
            Map<String, String> terms, List<RowSkip> skips, Hits hits, Summary summary) throws SQLException {
        String sql = "SELECT * FROM " + q(quote, table.name) + " WHERE " + q(quote, column) + " IS NOT NULL";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(500);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byte[] bytes = rows.getBytes(column);
                    if (bytes == null) {
                        continue;
                    }
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    Hits probe = new Hits();
                    probe.search("", text, terms);
                    if (probe.list().isEmpty()) {
                        continue;
                    }
                    Map<String, Object> row = row(rows);
                    RowSkip skip = skips.stream().filter(s -> s.row().test(row)).findFirst().orElse(null);
                    if (skip != null) {
                        summary.skippedRows.add(table.name + " " + key(table, row) + " (" + skip.why() + ")");
                        continue;
                    }
                    hits.search("db " + table.name + "." + column + " (binary, as UTF-8) " + key(table, row), text, terms);
                }
            }
        }
    }

    private static Map<String, Object> row(ResultSet rows) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            int type = rows.getMetaData().getColumnType(i);
            String name = rows.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
            row.put(name, BINARY.contains(type) ? "<binary>" : rows.getString(i));
        }
        return row;
    }

    private static String key(Table table, Map<String, Object> row) {
        StringBuilder key = new StringBuilder("[");
        for (String column : table.primaryKey) {
            key.append(key.length() > 1 ? ", " : "").append(column).append('=').append(row.get(column.toLowerCase(Locale.ROOT)));
        }
        return key.append(']').toString();
    }

    private static String q(String quote, String identifier) {
        return quote.isEmpty() ? identifier : quote + identifier + quote;
    }

    private static List<Table> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        List<Table> tables = new ArrayList<>();
        try (ResultSet rows = meta.getTables(catalog, schema, "%", null)) {
            while (rows.next()) {
                String type = rows.getString("TABLE_TYPE");
                if ("TABLE".equalsIgnoreCase(type) || "BASE TABLE".equalsIgnoreCase(type)) {
                    tables.add(new Table(rows.getString("TABLE_CAT"), rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME")));
                }
            }
        }
        for (Table table : tables) {
            try (ResultSet columns = meta.getColumns(table.catalog, table.schema, table.name, "%")) {
                while (columns.next()) {
                    table.columns.put(columns.getString("COLUMN_NAME"), columns.getInt("DATA_TYPE"));
                }
            }
            try (ResultSet keys = meta.getPrimaryKeys(table.catalog, table.schema, table.name)) {
                while (keys.next()) {
                    table.primaryKey.add(keys.getString("COLUMN_NAME"));
                }
            }
            if (table.primaryKey.isEmpty()) {
                table.primaryKey.addAll(table.columns.keySet().stream().limit(3).toList());
            }
        }
        return tables;
    }

    private static final class Table {
        final String catalog;
        final String schema;
        final String name;
        final Map<String, Integer> columns = new LinkedHashMap<>();
        final List<String> primaryKey = new ArrayList<>();

        Table(String catalog, String schema, String name) {
            this.catalog = catalog;
            this.schema = schema;
            this.name = name;
        }
    }

    static final class Summary {
        final List<String> tables = new ArrayList<>();
        final List<String> skippedColumns = new ArrayList<>();
        final List<String> skippedRows = new ArrayList<>();
        int columns;

        @Override
        public String toString() {
            return tables.size() + " tables, " + columns + " columns searched; ciphertext/blind-index columns left out: "
                    + skippedColumns + "; canary-defining rows left out: " + skippedRows;
        }
    }
}
