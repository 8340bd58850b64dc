package cn.hlj.remoteeval.expert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/** The demo pool (on in the default and test profiles) gives every center at least 10 experts per demo specialty. */
@RemoteEvalIntegrationTest
class DemoPoolIntegrationTest {

    static final String[] DEMO_SPECIALTIES = { "A01", "A0101", "A080101", "A06", "B01", "B02", "C0201", "C020114" };

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TradingCenters centers;
    @Autowired
    ExpertPool pool;

    @Test
    void everyCenterHasAtLeastTenExpertsInServicePerDemoSpecialtyOfBothCategories() {
        for (TradingCenter center : centers.all()) {
            for (String specialty : DEMO_SPECIALTIES) {
                long technical = demoExperts(center.code(), specialty, "TECHNICAL");
                long economic = demoExperts(center.code(), specialty, "ECONOMIC");
                assertThat(technical + economic).as(center.code() + " " + specialty).isGreaterThanOrEqualTo(10);
                assertThat(technical).as(center.code() + " " + specialty).isPositive();
                assertThat(economic).as(center.code() + " " + specialty).isPositive();
            }
        }
    }

    @Test
    void theDemoTendersSpecialtiesAreNotShort() {
        assertThat(pool.shortage(java.util.Map.of("A0101", 3, "C0201", 2))).isFalse();
    }

    private long demoExperts(String center, String specialty, String category) {
        return jdbc.sql("SELECT COUNT(*) FROM expert WHERE created_source = 'DEMO' AND city = ? AND specialty_code = ? "
                + "AND category = ? AND status = 'ACTIVE'").params(center, specialty, category).query(Long.class).single();
    }
}
