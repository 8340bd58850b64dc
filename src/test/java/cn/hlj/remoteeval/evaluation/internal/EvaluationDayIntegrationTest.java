package cn.hlj.remoteeval.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hlj.remoteeval.evaluation.CommitteeRoster;
import cn.hlj.remoteeval.evaluation.EvaluationRecords;
import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.security.PersonalDataCipher;
import cn.hlj.remoteeval.testsupport.Api;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;
import cn.hlj.remoteeval.testsupport.TenderBody;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * The evaluation day through the real engine, draw and database, for a tender whose venues and
 * committee were drawn and accepted: each session's duties go to its own center's staff only, the
 * end comes once every seat signed and unseals the committee, an incident reaches the main venue's
 * staff and supervisor, and a no-show at identity verification starts a supplementary draw. No
 * variable and no log line names a sub-venue or an expert.
 */
@RemoteEvalIntegrationTest
class EvaluationDayIntegrationTest {

    static final Set<String> DAY_VARIABLES = Set.of("tenderId", "mainCenter", "venueSessions", "sessionCode", "partnerSessions",
            "partnerSessionRef", "partnerSessionSigned", "supervisorOnSite",
            "sessionStartedAt", "workstationsReady", "audioVideoConnected", "mealsAndLodgingArranged", "expertsPresent",
            "noShowSeats", "identitiesVerified", "noShowsFound", "reportSigned", "allSigned", "missingSignatureSeats",
            "missingSignaturesCollected", "evaluationEnded", "incidentId", "incidentKind", "incidentMeasure",
            "incidentResolved", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

    private static final Pattern REPLY_CODE = Pattern.compile("“1 ([0-9A-Z]{12})”");
    private static final String MAIN = "HRB";

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    SeatBookings bookings;
    @Autowired
    CommitteeRoster roster;
    @Autowired
    ExpertContacts contacts;
    @Autowired
    EvaluationRecords records;

    @Test
    void everySessionsDutiesGoToItsOwnStaffAndTheDayEndsOnlyWhenEverySeatSigned() throws Exception {
        String tenderId = readyForEvaluation();
        List<String> secrets = secretsOf(tenderId);
        ProcessInstance day = startDay(tenderId);

        Map<String, String> centerOfSession = centerOfSession(tenderId);
        assertThat(centerOfSession).hasSizeGreaterThanOrEqualTo(3).containsValue(MAIN);
        List<ProcessInstance> venues = venueInstances(tenderId);
        assertThat(venues).hasSize(centerOfSession.size());
        for (ProcessInstance venue : venues) {
            String center = centerOfSession.get((String) runtime.getVariable(venue.getId(), "sessionCode"));
            List<Task> open = tasks.createTaskQuery().processInstanceId(venue.getId()).list();
            assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder("PrepareWorkstations",
                    "ConnectAudioVideo", "ArrangeMealsAndLodging", "VerifyExpertIdentities", "ReportIncident");
            String session = (String) runtime.getVariable(venue.getId(), "sessionCode");
            assertThat(center).isNotNull();
            assertThat(open).allSatisfy(task -> assertThat(candidateGroups(task)).containsExactly("venue-" + session));
        }
        assertThat(candidateGroups(task(day.getId(), "OpenSession"))).containsExactly("staff-" + MAIN);

        tasks.complete(task(day.getId(), "OpenSession").getId(),
                Map.of("supervisorOnSite", true, "sessionStartedAt", "2036-01-01T09:00+08:00"));
        for (int i = 0; i < venues.size(); i++) {
            ProcessInstance venue = venues.get(i);
            completeDuties(venue.getId());
            verify(venue.getId(), "");
            if (i < venues.size() - 1) {
                tasks.complete(task(venue.getId(), "SignReport").getId(), Map.of("reportSigned", true));
                assertThat(records.endedAt(tenderId)).isEmpty();
                assertThat(runtime.createProcessInstanceQuery().processInstanceId(day.getId()).count()).isOne();
            }
        }
        api.get("supervisor-hrb", "/api/tenders/" + tenderId + "/committee").andExpect(status().isConflict());
        tasks.complete(task(venues.get(venues.size() - 1).getId(), "SignReport").getId(), Map.of("reportSigned", true));

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(tenderId)
                .processDefinitionKey("evaluation-day").count()).isZero();
        assertThat(records.endedAt(tenderId)).isPresent();
        JsonNode signatures = api.read(api.get("supervisor-hrb", "/api/tenders/" + tenderId + "/report-signatures")
                .andExpect(status().isOk()));
        assertThat(signatures).hasSize(roster.seats(tenderId).size());
        assertThat(signatures.toString()).contains("LOCAL-").doesNotContain("expertRef").doesNotContain("name");
        api.get("staff-hrb", "/api/tenders/" + tenderId + "/report-signatures").andExpect(status().isOk());
        // A sub-venue's staff may not know the tender (404); the provincial center reads every tender, so it gets 403.
        String subVenue = centerOfSession.values().stream().filter(c -> !c.equals(MAIN)).findFirst().orElseThrow();
        api.get("staff-" + subVenue.toLowerCase(), "/api/tenders/" + tenderId + "/report-signatures")
                .andExpect(status().is(subVenue.equals("PROV") ? 403 : 404));
        api.get("supervisor-hrb", "/api/tenders/nope/report-signatures").andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api
                .get("supervisor-hrb", "/api/tenders/" + tenderId + "/committee").andExpect(status().isOk()));
        assertThat(historicVariable(tenderId, "evaluationEnded")).containsExactly(true);

        assertNothingNamesASubVenueOrAnExpert(tenderId, centerOfSession, secrets);
    }

    @Test
    void anIncidentAtASubVenueReachesTheMainVenuesStaffAndSupervisorAndItsTextStaysOutOfTheEngine() throws Exception {
        String tenderId = readyForEvaluation();
        ProcessInstance day = startDay(tenderId);
        Map<String, String> centerOfSession = centerOfSession(tenderId);
        ProcessInstance subVenue = venueInstances(tenderId).stream()
                .filter(v -> !centerOfSession.get((String) runtime.getVariable(v.getId(), "sessionCode")).equals(MAIN))
                .findFirst().orElseThrow();
        String description = "评标室空调故障，专家暂离工位-" + tenderId.substring(0, 8);

        tasks.complete(task(subVenue.getId(), "ReportIncident").getId(),
                Map.of("incidentKind", "SITE_SAFETY", "sealedIncidentDescription", description));

        Task handling = task(day.getId(), "HandleIncident");
        assertThat(candidateGroups(handling)).containsExactlyInAnyOrder("staff-" + MAIN, "supervisor-" + MAIN);
        assertThat(task(subVenue.getId(), "ReportIncident")).isNotNull();
        JsonNode incidents = api.read(api.get("supervisor-hrb", "/api/tenders/" + tenderId + "/incidents")
                .andExpect(status().isOk()));
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("kind").asText()).isEqualTo("SITE_SAFETY");
        assertThat(incidents.get(0).get("description").asText()).isEqualTo(description);
        assertThat(incidents.get(0).get("handling").isNull()).isTrue();
        assertThat(incidents.get(0).has("raisedBy")).isFalse();
        String reporting = centerOfSession.get((String) runtime.getVariable(subVenue.getId(), "sessionCode"));
        api.get("staff-" + reporting.toLowerCase(), "/api/tenders/" + tenderId + "/incidents")
                .andExpect(status().is(reporting.equals("PROV") ? 403 : 404));

        String note = "已启用备用评标室-" + tenderId.substring(0, 8);
        tasks.complete(handling.getId(), Map.of("incidentMeasure", "CHANGE_WORKSTATION", "incidentResolved", true,
                "sealedHandlingNote", note));

        JsonNode handled = api.read(api.get("staff-hrb", "/api/tenders/" + tenderId + "/incidents")).get(0).get("handling");
        assertThat(handled.get("measure").asText()).isEqualTo("CHANGE_WORKSTATION");
        assertThat(handled.get("resolved").asBoolean()).isTrue();
        assertThat(handled.get("note").asText()).isEqualTo(note);
        assertThat(historicVariableValues(tenderId)).noneMatch(v -> v.contains(description) || v.contains(note));
        assertThat(historicVariableNames(tenderId)).doesNotContain("sealedIncidentDescription", "sealedHandlingNote");
        assertThat(Files.readString(Path.of("target/remote-eval-test.log"))).doesNotContain(description).doesNotContain(note);
    }

    @Test
    void aNoShowFoundAtIdentityVerificationStartsASupplementaryDrawAndTheReplacementIsVerifiedAgain() throws Exception {
        String tenderId = readyForEvaluation();
        startDay(tenderId);
        ProcessInstance venue = venueInstances(tenderId).stream()
                .filter(v -> !roster.seatsAt(tenderId, (String) runtime.getVariable(v.getId(), "sessionCode")).isEmpty())
                .findFirst().orElseThrow();
        String session = (String) runtime.getVariable(venue.getId(), "sessionCode");
        CommitteeRoster.Seat absent = roster.seatsAt(tenderId, session).get(0);
        CommitteeRoster.Seat elsewhere = roster.seats(tenderId).stream().filter(s -> !s.sessionCode().equals(session))
                .findFirst().orElseThrow();

        String verification = task(venue.getId(), "VerifyExpertIdentities").getId();
        assertThatThrownBy(() -> tasks.complete(verification, Map.of("expertsPresent", 1L,
                "noShowSeats", String.valueOf(elsewhere.seat()), "identitiesVerified", true)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不属于本场次");

        verify(venue.getId(), String.valueOf(absent.seat()));

        await().atMost(Duration.ofSeconds(30)).until(() -> roster.seats(tenderId).stream()
                .anyMatch(s -> s.seat() == absent.seat() && !s.expertRef().equals(absent.expertRef())));
        assertThat(api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText())
                .isEqualTo("EVALUATING");
        Task again = task(venue.getId(), "VerifyExpertIdentities");
        assertThat(candidateGroups(again)).containsExactly("venue-" + session);
        assertThat(runtime.getVariable(venue.getId(), "noShowSeats")).isEqualTo("");
    }

    // --- helpers

    private String readyForEvaluation() throws Exception {
        String tenderId = api.register(TenderBody.valid().with("committee", Map.of("size", 5, "tendererRepresentatives", 0,
                "specialties", List.of(Map.of("code", "A0101", "count", 5))))).get("id").asText();
        awaitState(tenderId, "AWAITING_EXPERT_DRAW");
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("tender-lifecycle")
                .processInstanceBusinessKey(tenderId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers().activityId("AwaitExpertDraw")
                .singleResult();
        management.executeJob(timer.getId());
        awaitState(tenderId, "AWAITING_EXPERT_CONFIRMATIONS");
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("expert-seat-confirmation").processInstanceBusinessKey(tenderId).count() == 5);
        for (String seatId : jdbc.sql("SELECT id FROM committee_seat WHERE tender_id = ? AND busy_slot IS NOT NULL")
                .param(tenderId).query(String.class).list()) {
            String sms = cipher.decrypt(jdbc.sql("SELECT text_enc FROM sms_outbox WHERE idempotency_key = ?")
                    .param("invite:" + seatId).query(String.class).single());
            Matcher code = REPLY_CODE.matcher(sms);
            assertThat(code.find()).isTrue();
            api.postAnonymous("/api/expert-invitations/" + code.group(1) + "/answer", "{\"answer\":\"ACCEPT\"}")
                    .andExpect(status().isOk());
        }
        // The lifecycle calls the evaluation day as soon as the committee is complete.
        awaitState(tenderId, "EVALUATING");
        return tenderId;
    }

    private ProcessInstance startDay(String tenderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("evaluation-day").processInstanceBusinessKey(tenderId)
                .singleResult();
    }

    private void completeDuties(String venueId) {
        tasks.complete(task(venueId, "PrepareWorkstations").getId(), Map.of("workstationsReady", true));
        tasks.complete(task(venueId, "ConnectAudioVideo").getId(), Map.of("audioVideoConnected", true));
        tasks.complete(task(venueId, "ArrangeMealsAndLodging").getId(), Map.of("mealsAndLodgingArranged", true));
    }

    /** Every expert of the session present but the no-shows. */
    private void verify(String venueId, String noShowSeats) {
        String tenderId = runtime.createProcessInstanceQuery().processInstanceId(venueId).singleResult().getBusinessKey();
        int seats = roster.seatsAt(tenderId, (String) runtime.getVariable(venueId, "sessionCode")).size();
        long present = seats - (noShowSeats.isBlank() ? 0 : noShowSeats.split(",").length);
        tasks.complete(task(venueId, "VerifyExpertIdentities").getId(),
                Map.of("expertsPresent", present, "noShowSeats", noShowSeats, "identitiesVerified", true));
    }

    private Map<String, String> centerOfSession(String tenderId) {
        Map<String, String> centers = new HashMap<>();
        bookings.sessionsOf(tenderId).forEach(s -> centers.put(s.sessionCode(), s.centerCode()));
        return centers;
    }

    private List<ProcessInstance> venueInstances(String tenderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("venue-duties").processInstanceBusinessKey(tenderId)
                .list();
    }

    private Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLink::getGroupId).toList();
    }

    private List<String> secretsOf(String tenderId) {
        List<String> secrets = new ArrayList<>();
        for (CommitteeRoster.Seat seat : roster.seats(tenderId)) {
            contacts.contactOf(seat.expertRef()).ifPresent(c -> {
                secrets.add(c.name());
                secrets.add(c.mobile());
            });
        }
        return secrets;
    }

    private List<HistoricVariableInstance> historicVariables(String tenderId) {
        String[] ids = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(tenderId).list().stream()
                .filter(p -> Set.of("evaluation-day", "venue-duties").contains(p.getProcessDefinitionKey()))
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
        return history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).list();
    }

    private List<String> historicVariableNames(String tenderId) {
        return historicVariables(tenderId).stream().map(HistoricVariableInstance::getName).toList();
    }

    private List<String> historicVariableValues(String tenderId) {
        return historicVariables(tenderId).stream().map(v -> String.valueOf(v.getValue())).toList();
    }

    private List<Object> historicVariable(String tenderId, String name) {
        return historicVariables(tenderId).stream().filter(v -> v.getName().equals(name))
                .map(HistoricVariableInstance::getValue).toList();
    }

    private void assertNothingNamesASubVenueOrAnExpert(String tenderId, Map<String, String> centerOfSession,
            List<String> secrets) throws Exception {
        assertThat(historicVariableNames(tenderId)).isSubsetOf(DAY_VARIABLES);
        Set<String> subVenues = new java.util.HashSet<>(centerOfSession.values());
        subVenues.remove(MAIN);
        List<String> values = historicVariableValues(tenderId);
        for (String subVenue : subVenues) {
            assertThat(values).doesNotContain(subVenue).noneMatch(v -> v.contains("staff-" + subVenue));
        }
        assertThat(values).noneMatch(v -> secrets.stream().anyMatch(v::contains));
        String log = Files.readString(Path.of("target/remote-eval-test.log"));
        assertThat(secrets).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
        for (String line : log.lines().filter(l -> l.contains(tenderId)).toList()) {
            for (String subVenue : subVenues) {
                assertThat(line).doesNotContainPattern("\\b" + subVenue + "\\b");
            }
        }
    }

    private void awaitState(String tenderId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.read(api.get("staff-hrb", "/api/tenders/" + tenderId)).get("state").asText()).isEqualTo(state));
    }
}
