package cn.hlj.remoteeval.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;

/**
 * Records which database the test context really runs on, and refuses to run when it is not the
 * one the failsafe execution asked for: a MariaDB run that silently fell back to H2 must fail.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseUnderTest {

    public static final String EXPECTED_PROPERTY = "remote-eval.test.expected-database";
    static final Set<String> SEEN = new ConcurrentSkipListSet<>();

    private final String product;

    DatabaseUnderTest(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String version = meta.getDatabaseProductVersion();
            // MariaDB reached through mysql-connector-j reports itself as MySQL; its version says MariaDB.
            this.product = version.contains("MariaDB") ? "MariaDB" : meta.getDatabaseProductName();
            String expected = System.getProperty(EXPECTED_PROPERTY);
            if (expected != null && !product.equalsIgnoreCase(expected)) {
                throw new IllegalStateException("Tests were asked to run on " + expected + " but the datasource is "
                        + product + " " + version + " at " + meta.getURL());
            }
            SEEN.add(product + " " + version + " (" + meta.getURL() + ")");
        }
    }

    public String product() {
        return product;
    }

    public boolean isMySqlFamily() {
        return !"H2".equalsIgnoreCase(product);
    }
}
