package cn.hlj.remoteeval.crossprovince;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.evaluation.EvaluationRecords;
import cn.hlj.remoteeval.handover.HandoverProcesses;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.EngineActor;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * A cross-province tender whose main venue is here, through the real processes from registration to
 * the hand-over to the tenderer: the partner's plan books the main venue's seats, the national draw
 * is recorded, and the main venue's staff verify, seat and have sign the experts the national system
 * drew for those seats, so that the evaluation ends and the hand-over starts.
 */
@RemoteEvalIntegrationTest
class CrossProvinceLifecycleIntegrationTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Autowired
    Api api;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    SeatBookings bookings;
    @Autowired
    CommitteeRoster roster;
    @Autowired
    EvaluationRecords records;

    @Test
    void aCrossProvinceTenderRunsFromRegistrationThroughTheEvaluationDayToTheHandOver() throws Exception {
        LocalDate date = TenderBody.freshDate();
        JsonNode registered = api.register(TenderBody.valid().category("SERVICES", "12000000.00")
                .with("evaluationDate", date.toString()).with("halfDay", "PM"));
        assertThat(registered.get("scope").asText()).isEqualTo("CROSS_PROVINCE");
        String id = registered.get("id").asText();
        awaitState(id, "AWAITING_PARTNER_ASSIGNMENT");

        api.post("staff-prov", "/api/tenders/" + id + "/cross-province-assignment",
                CrossProvinceAssignmentIntegrationTest.plan(2, 2, 1)).andExpect(status().isCreated());
        awaitState(id, "AWAITING_EXPERT_DRAW");
        Task record = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(id).taskDefinitionKey("RecordNationalExpertDraw").singleResult(), t -> t != null);
        EngineActor.as(identity, "staff-prov", "staff-PROV",
                () -> tasks.complete(record.getId(), Map.of("nationalExpertDrawReference", "NAT-2036-0042")));
        awaitState(id, "EVALUATING");

        ProcessInstance day = await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("evaluation-day").processInstanceBusinessKey(id).singleResult(), p -> p != null);
        EngineActor.as(identity, "staff-hrb", "staff-HRB", () -> tasks.complete(task(day.getId(), "OpenSession").getId(),
                Map.of("supervisorOnSite", true, "sessionStartedAt", OffsetDateTime.now().withNano(0).toString())));

        // The main venue is the one session here; its two seats are the national draw's.
        List<SeatBookings.VenueSession> sessions = bookings.sessionsOf(id);
        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.centerCode()).isEqualTo("HRB");
            assertThat(s.seats()).isEqualTo(2);
        });
        String session = sessions.get(0).sessionCode();
        assertThat(roster.seatsAt(id, session)).extracting(CommitteeRoster.Seat::seat).containsExactly(1, 2);
        assertThat(roster.seats(id)).hasSize(2)
                .allSatisfy(seat -> assertThat(seat.expertRef()).startsWith("national-seat-"));

        ProcessInstance venue = await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("venue-duties").processInstanceBusinessKey(id).singleResult(), p -> p != null);
        List<String> groups = List.of("staff-HRB", "venue-" + session);
        EngineActor.as(identity, "staff-hrb", groups, () -> {
            tasks.complete(task(venue.getId(), "PrepareWorkstations").getId(), Map.of("workstationsReady", true));
            tasks.complete(task(venue.getId(), "ConnectAudioVideo").getId(), Map.of("audioVideoConnected", true));
            tasks.complete(task(venue.getId(), "ArrangeMealsAndLodging").getId(), Map.of("mealsAndLodgingArranged", true));
            // A national seat's no-show is replaced through the national system, not by a draw here.
            String verify = task(venue.getId(), "VerifyExpertIdentities").getId();
            assertThatThrownBy(() -> tasks.complete(verify,
                    Map.of("expertsPresent", 1L, "noShowSeats", "1", "identitiesVerified", true)))
                    .hasMessageContaining("国家远程异地评标调度系统");
            assertThatThrownBy(() -> tasks.complete(verify,
                    Map.of("expertsPresent", 3L, "noShowSeats", "", "identitiesVerified", true)))
                    .hasMessageContaining("专家席位数（2）");
            tasks.complete(task(venue.getId(), "VerifyExpertIdentities").getId(),
                    Map.of("expertsPresent", 2L, "noShowSeats", "", "identitiesVerified", true));
            tasks.complete(task(venue.getId(), "SignReport").getId(), Map.of("reportSigned", true));
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> records.endedAt(id).isPresent());
        awaitState(id, "HANDING_OVER");
        ProcessInstance toTenderer = await().atMost(Duration.ofSeconds(20)).until(() -> runtime
                .createProcessInstanceQuery().processInstanceBusinessKey(id)
                .processDefinitionKey(HandoverProcesses.AV_HANDOVER_TENDERER_LEG).singleResult(), p -> p != null);
        Task handOver = task(toTenderer.getId(), "HandOverToTenderer");
        EngineActor.as(identity, "staff-hrb", "staff-HRB", () -> tasks.complete(handOver.getId(), Map.of("medium",
                "USB_DRIVE", "itemCount", 1L, "sealedItems", "全部资料.zip," + SHA, "sealedTendererReceiver", "招标人张三",
                "handedOverAt", OffsetDateTime.now().withNano(0).toString())));
        awaitState(id, "HANDED_OVER");
    }

    private Task task(String processInstanceId, String key) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(key).singleResult(), t -> t != null);
    }

    private void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + id)).get("state").asText()).isEqualTo(state));
    }
}
