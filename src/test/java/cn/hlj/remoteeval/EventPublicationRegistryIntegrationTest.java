package cn.hlj.remoteeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

import cn.hlj.remoteeval.crossprovince.PartnerMaterialArrived;
import cn.hlj.remoteeval.tender.TenderRegistered;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * An event whose listener did not finish is read back from the registry (the restart republishes it):
 * on H2 the registry reads the id as a UUID, on MySQL/MariaDB as text, and a column of the wrong type
 * made the application fail to start on H2 while such an event waited.
 */
@RemoteEvalIntegrationTest
class EventPublicationRegistryIntegrationTest {

    @Autowired
    EventPublicationRepository registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Scheduler scheduler;

    @Test
    void anIncompletePublicationIsReadBackForRepublishing() {
        UUID id = UUID.randomUUID();
        Instant longAgo = Instant.parse("1971-03-01T00:00:00Z");
        jdbc.sql("INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE) "
                + "VALUES (?, ?, ?, ?, ?)")
                .params(id.toString(), "test.listener", PartnerMaterialArrived.class.getName(),
                        "{\"tenderId\":\"t-1\",\"sessionRef\":\"RS-1\"}", Timestamp.from(longAgo))
                .update();
        try {
            // Both reads the registry makes: at a restart (all incomplete) and when resubmitting older ones.
            List<TargetEventPublication> incomplete = registry.findIncompletePublications();
            assertThat(registry.findIncompletePublicationsPublishedBefore(Instant.parse("1972-01-01T00:00:00Z")))
                    .extracting(TargetEventPublication::getIdentifier).containsExactly(id);

            assertThat(incomplete).extracting(TargetEventPublication::getIdentifier).contains(id);
            assertThat(incomplete.stream().filter(p -> p.getIdentifier().equals(id)).findFirst().orElseThrow().getEvent())
                    .isEqualTo(new PartnerMaterialArrived("t-1", "RS-1"));
        } finally {
            jdbc.sql("DELETE FROM EVENT_PUBLICATION WHERE LISTENER_ID = 'test.listener'").update();
        }
    }

    @Test
    void anEventWhoseListenerNeverFinishedIsHandedToItAgainByTheClusterWideResubmission() throws Exception {
        UUID id = UUID.randomUUID();
        String tenderId = UUID.randomUUID().toString();
        // As a node that died after registering a tender, before its audit listener ran, leaves it.
        jdbc.sql("INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE) "
                + "VALUES (?, ?, ?, ?, ?)")
                .params(id.toString(), "cn.hlj.remoteeval.tender.internal.TenderAuditListener.on("
                        + TenderRegistered.class.getName() + ")", TenderRegistered.class.getName(),
                        "{\"tenderId\":\"" + tenderId + "\",\"sectionCode\":\"RESUBMIT-1\",\"mainCenter\":\"HRB\","
                                + "\"category\":\"SERVICES\",\"registeredBy\":\"staff-hrb\","
                                + "\"registeredAt\":\"2026-01-05T01:00:00Z\"}",
                        Timestamp.from(Instant.parse("1971-03-01T00:00:00Z")))
                .update();
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("resubmit", "event-publications")))
                .isInstanceOf(CronTrigger.class);

        scheduler.triggerJob(EventPublicationResubmission.JOB);

        Instant limit = Instant.now().plusSeconds(30);
        while (jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE ID = ?").param(id.toString()).query(Long.class)
                .single() > 0) {
            assertThat(Instant.now()).as("the publication is completed").isBefore(limit);
            Thread.sleep(200);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ? AND action = 'TENDER_REGISTERED'")
                .param(tenderId).query(Long.class).single()).isEqualTo(1);
    }
}
