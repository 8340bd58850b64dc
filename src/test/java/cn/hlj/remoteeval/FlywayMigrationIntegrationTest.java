package cn.hlj.remoteeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hlj.remoteeval.testsupport.DatabaseUnderTest;
import cn.hlj.remoteeval.testsupport.Persisted;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/** The same migrations run on H2 and on MariaDB, next to the engine's own tables. */
@RemoteEvalIntegrationTest
class FlywayMigrationIntegrationTest {

    @Autowired
    Flyway flyway;
    @Autowired
    TradingCenters centers;
    @Autowired
    Persisted persisted;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseUnderTest database;

    @Test
    void appliesEveryMigrationAndLeavesNonePending() {
        List<MigrationInfo> applied = Arrays.stream(flyway.info().all())
                .filter(info -> info.getVersion() != null && !"0".equals(info.getVersion().getVersion()))
                .toList();

        // Contiguous from V1: a migration merged out of order would be skipped by Flyway on existing databases.
        assertThat(applied).extracting(info -> Integer.parseInt(info.getVersion().getVersion()))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, applied.size()).boxed().toList())
                .contains(10);
        assertThat(applied).allSatisfy(info -> assertThat(info.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void seedsTheFourteenCentersWithThePermanentCrossProvinceSubVenues() {
        List<TradingCenter> all = centers.all();

        assertThat(all).extracting(TradingCenter::code).containsExactly("PROV", "HRB", "QQHR", "MDJ", "JMS", "DQ", "JX",
                "SYS", "YC", "QTH", "HG", "HH", "SH", "DXAL");
        assertThat(all).filteredOn(TradingCenter::permanentCrossProvinceSubVenue).extracting(TradingCenter::code)
                .containsExactly("PROV", "HRB", "QQHR");
        assertThat(centers.find("HRB")).map(TradingCenter::name).hasValue("哈尔滨市公共资源交易中心");
    }

    @Test
    void createsTheAppTablesNextToTheEngineTables() {
        for (String table : List.of("tender", "tender_specialty", "audit_entry", "EVENT_PUBLICATION", "ACT_RU_EXECUTION")) {
            assertThat(persisted.count(table)).as(table).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aPartnersSessionReferenceOfSixtyFourCharactersFitsWhereverASessionIsNamed() {
        // The message set allows opaque references of up to 64 characters; this province's own codes are shorter.
        String reference = "RS-" + "X".repeat(61);
        jdbc.sql("INSERT INTO wrongdoing_clue (id, tender_id, session_code, category, found_on, description_cipher, "
                + "reported_by, reported_at, state) VALUES ('width-check', 'width-check', ?, 'OTHER', CURRENT_DATE, 'x', 't', "
                + "CURRENT_TIMESTAMP, 'PASSED_ON')").param(reference).update();
        jdbc.sql("INSERT INTO av_handover (id, tender_id, main_center, leg, leg_ref, start_day, state, opened_at) "
                + "VALUES ('width-check', 'width-check', 'HRB', 'SUB_VENUE_TO_MAIN', ?, CURRENT_DATE, 'OPEN', CURRENT_TIMESTAMP)")
                .param(reference).update();
        try {
            assertThat(jdbc.sql("SELECT session_code FROM wrongdoing_clue WHERE id = 'width-check'").query(String.class)
                    .single()).isEqualTo(reference);
            assertThat(jdbc.sql("SELECT leg_ref FROM av_handover WHERE id = 'width-check'").query(String.class)
                    .single()).isEqualTo(reference);
        } finally {
            jdbc.sql("DELETE FROM wrongdoing_clue WHERE id = 'width-check'").update();
            jdbc.sql("DELETE FROM av_handover WHERE id = 'width-check'").update();
        }
    }

    @Test
    void enforcesUniqueSectionCodesInTheSchemaItself() {
        String insert = "INSERT INTO tender (id, section_code, name, main_center, category, estimated_price, "
                + "evaluation_date, half_day, committee_size, regulation_requires_cross_province, "
                + "expert_shortage_asserted, state, registered_by, registered_at, version) "
                + "VALUES (?, 'UNIQ-CHECK', 'x', 'HRB', 'GOODS', 1, CURRENT_DATE, 'AM', 5, FALSE, FALSE, 'REGISTERED', "
                + "'test', CURRENT_TIMESTAMP, 0)";
        jdbc.sql(insert).param(java.util.UUID.randomUUID().toString()).update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> jdbc.sql(insert).param(java.util.UUID.randomUUID().toString()).update())
                    .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        } finally {
            jdbc.sql("DELETE FROM tender WHERE section_code = 'UNIQ-CHECK'").update();
        }
    }

    @Test
    void mySqlFamilyRunsAtReadCommitted() {
        if (database.isMySqlFamily()) {
            String isolation = jdbc.sql("SELECT @@tx_isolation").query(String.class).single();
            assertThat(isolation).isEqualTo("READ-COMMITTED");
        } else {
            assertThat(database.product()).isEqualTo("H2");
        }
    }
}
