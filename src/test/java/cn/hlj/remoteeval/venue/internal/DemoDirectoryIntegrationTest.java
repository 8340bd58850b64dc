package cn.hlj.remoteeval.venue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.venue.TradingCenters;

/** The demo directory is seeded once, and a second seeding (another node, a restart) changes nothing. */
@RemoteEvalIntegrationTest
class DemoDirectoryIntegrationTest {

    @Autowired
    DemoDirectory seeded;
    @Autowired
    JdbcWorkstations workstations;
    @Autowired
    TradingCenters centers;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCenterHasItsDemoWorkstationsAndThePermanentSubVenuesTwelveCrossProvinceOnes() {
        for (var center : centers.all()) {
            long demo = jdbc.sql("SELECT COUNT(*) FROM workstation WHERE center_code = ? AND registered_by = 'system'")
                    .param(center.code()).query(Long.class).single();
            long cross = jdbc.sql("SELECT COUNT(*) FROM workstation WHERE center_code = ? AND registered_by = 'system' "
                    + "AND cross_province = TRUE").param(center.code()).query(Long.class).single();
            assertThat(demo).as(center.code()).isEqualTo(DemoDirectory.directoryOf(center).size());
            assertThat(cross).as(center.code()).isEqualTo(center.permanentCrossProvinceSubVenue() ? 12 : 0);
        }
    }

    @Test
    void aSecondSeedingByAnotherNodeOrARestartAddsNothing() throws Exception {
        long before = count();
        DemoDirectory anotherNode = new DemoDirectory(workstations, centers, transactions, clock);

        anotherNode.run(null);
        assertThat(anotherNode.seedOnce()).isZero();

        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM workstation").query(Long.class).single();
    }
}
