package cn.hlj.remoteeval.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.audit.AuditEntry;
import cn.hlj.remoteeval.audit.AuditLog;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;

/**
 * A tender's timeline shows milestones by name and time, never what the audit log keeps with them
 * (record ids, reasons, who sat where); its tenderer sees only its own milestones and no names of staff;
 * anybody who may not read the tender is told it does not exist.
 */
@RemoteEvalIntegrationTest
class TenderTimelineIntegrationTest {

    @Autowired
    Api api;
    @Autowired
    AuditLog audit;

    @Test
    void theTimelineNamesMilestonesButNeverTheirDetailAndTheTendererSeesOnlyItsOwn() throws Exception {
        String id = api.register(TenderBody.valid().with("tenderer", TenderBody.DEMO_TENDERER)).get("id").asText();
        String path = "/api/tenders/" + id + "/timeline";
        JsonNode staff = await().atMost(Duration.ofSeconds(30)).until(() -> api.read(api.get("staff-hrb", path)
                .andExpect(status().isOk())), timeline -> timeline.get("milestones").findValuesAsText("action")
                        .containsAll(List.of("TENDER_REGISTERED", "VENUE_DRAW_COMPLETED", "VENUES_ARRANGED")));

        assertThat(staff.get("milestones").findValuesAsText("by")).contains("staff-hrb");
        List<String> details = audit.entriesFor(AuditLog.TENDER_SUBJECT, id).stream().map(AuditEntry::detail)
                .filter(detail -> detail != null && !detail.isBlank()).toList();
        assertThat(details).isNotEmpty();
        assertThat(details).allSatisfy(detail -> assertThat(staff.toString()).doesNotContain(detail));

        JsonNode tenderer = api.read(api.get("tenderer", path).andExpect(status().isOk()));
        assertThat(tenderer.get("milestones").findValuesAsText("action")).contains("TENDER_REGISTERED")
                .noneMatch(action -> action.startsWith("VENUE") || action.startsWith("EXPERT"));
        assertThat(tenderer.get("milestones")).allSatisfy(milestone -> assertThat(milestone.path("by").isTextual()).isFalse());

        api.get("staff-qqhr", path).andExpect(status().isNotFound());
        api.get("pool-admin", path).andExpect(status().isNotFound());
    }
}
