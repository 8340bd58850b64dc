package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * V28 on a database holding rows written before the draw columns were sealed: every such value is
 * sealed, its opened text is the old one, and a value sealed already is left as it is.
 */
class SealDrawColumnsMigrationUnitTest {

    /** Stands in for the AES-GCM cipher (tested in security): reversible, with the same stored prefix. */
    static final PersonalDataCipher CIPHER = new PersonalDataCipher() {
        @Override
        public String encrypt(String plaintext) {
            return "v1:" + Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String decrypt(String ciphertext) {
            if (!ciphertext.startsWith("v1:")) {
                throw new IllegalStateException("unknown format");
            }
            return new String(Base64.getDecoder().decode(ciphertext.substring(3)), StandardCharsets.UTF_8);
        }

        @Override
        public String blindIndex(String normalisedValue) {
            throw new UnsupportedOperationException();
        }
    };

    private final SealedColumns sealed = new SealedColumns(CIPHER);

    @Test
    void sealsTheDrawRecordsAndSeatsWrittenBeforeAndLeavesSealedValuesAlone() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:v28-" + UUID.randomUUID())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE draw_record (id VARCHAR(36), eligible_list CLOB, request CLOB, result CLOB)");
                ddl.execute("CREATE TABLE committee_seat (id VARCHAR(36), center_code VARCHAR(255), expert_city VARCHAR(255))");
                ddl.execute("INSERT INTO draw_record VALUES ('r1', 'DQ=4\nHRB=3\n', 'mainCenter=HRB\n', 'DQ=2\nSH=2\n')");
                ddl.execute("INSERT INTO draw_record VALUES ('r2', '" + CIPHER.encrypt("MDJ=1\n") + "', 'mainCenter=QQHR\n', "
                        + "'NO_RANDOM_PICK')");
                ddl.execute("INSERT INTO committee_seat VALUES ('s1', 'DQ', 'DQ'), ('s2', 'SH', 'HRB')");
            }

            new SealDrawColumnsMigration(sealed).migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });

            assertThat(rows(connection, "SELECT * FROM draw_record ORDER BY id", 4)).containsExactly(
                    List.of("r1", "DQ=4\nHRB=3\n", "mainCenter=HRB\n", "DQ=2\nSH=2\n"),
                    List.of("r2", "MDJ=1\n", "mainCenter=QQHR\n", "NO_RANDOM_PICK"));
            assertThat(rows(connection, "SELECT * FROM committee_seat ORDER BY id", 3)).containsExactly(
                    List.of("s1", "DQ", "DQ"), List.of("s2", "SH", "HRB"));
        }
    }

    /** Every row with its first column as stored and the others opened, after checking they are all sealed. */
    private List<List<String>> rows(Connection connection, String sql, int columns) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>(List.of(rs.getString(1)));
                for (int i = 2; i <= columns; i++) {
                    String stored = rs.getString(i);
                    assertThat(stored).startsWith("v1:").doesNotStartWith("v1:v1:");
                    row.add(sealed.open("t", "c", rs.getString(1), stored));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
