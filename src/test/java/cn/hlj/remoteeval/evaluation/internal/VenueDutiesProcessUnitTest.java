package cn.hlj.remoteeval.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * Every duty of {@code bpmn/venue-duties.bpmn} on the real model: the tasks go to the session's
 * anonymous group (which the hosting center's staff hold) through the real create listener, a
 * no-show loops back to verification after the
 * supplementary draw, incidents can be reported again and again, and signing ends it all.
 */
@Deployment(resources = "bpmn/venue-duties.bpmn")
class VenueDutiesProcessUnitTest {

    private static final String SESSION = "RS-QX7K3M9D";
    private static final List<String> DUTIES = List.of("PrepareWorkstations", "ConnectAudioVideo",
            "ArrangeMealsAndLodging", "VerifyExpertIdentities", "ReportIncident");

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void standInForTheJavaSide() {
        BpmnAwareTests.init(engine.getProcessEngine());
        SeatBookings bookings = mock(SeatBookings.class);
        when(bookings.centerOfSession(SESSION)).thenReturn(Optional.of("QQHR"));
        Mocks.register("venueStaff", new VenueStaffListener(bookings));
        Mocks.register("venueDutyDone", (TaskListener) task -> calls.add("done:" + task.getTaskDefinitionKey()));
        Mocks.register("verifyIdentities", (TaskListener) task -> {
            String seats = (String) task.getVariable("noShowSeats");
            task.getExecution().setVariable("noShowsFound", seats != null && !seats.isBlank());
        });
        Mocks.register("reportNoShows", (JavaDelegate) execution -> {
            calls.add("noShows:" + execution.getVariable("noShowSeats"));
            execution.setVariable("noShowSeats", "");
            execution.setVariable("noShowsFound", false);
        });
        Mocks.register("signReport", (TaskListener) task -> calls.add("signed:" + task.getVariable("sessionCode")));
        Mocks.register("reportIncident", (TaskListener) task -> calls.add("incident:" + task.getVariable("incidentKind")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void everyDutyIsOfferedToTheSessionsAnonymousGroupOnlyAndNothingNamesTheCenter() {
        ProcessInstance venue = start("t-groups");

        assertThat(venue).isWaitingAt(DUTIES.toArray(String[]::new));
        for (String duty : DUTIES) {
            assertThat(candidateGroups(task(venue, duty))).as(duty).containsExactly("venue-" + SESSION);
        }
        assertThat(runtimeService().getVariables(venue.getId())).doesNotContainValue("QQHR")
                .doesNotContainValue("staff-QQHR");
    }

    @Test
    void theDutiesRunInParallelAndSigningTheReportEndsTheSessionIncidentReportingIncluded() {
        ProcessInstance venue = start("t-duties");

        complete(task(venue, "PrepareWorkstations"), withVariables("workstationsReady", true));
        complete(task(venue, "ConnectAudioVideo"), withVariables("audioVideoConnected", true));
        assertThat(venue).isWaitingAt("ArrangeMealsAndLodging", "VerifyExpertIdentities", "ReportIncident")
                .hasNotPassed("SignReport");
        complete(task(venue, "ArrangeMealsAndLodging"), withVariables("mealsAndLodgingArranged", true));
        complete(task(venue, "VerifyExpertIdentities"),
                withVariables("expertsPresent", 3L, "noShowSeats", "", "identitiesVerified", true));

        assertThat(venue).isWaitingAt("SignReport", "ReportIncident").hasNotPassed("ReportNoShows");
        assertThat(candidateGroups(task(venue, "SignReport"))).containsExactly("venue-" + SESSION);
        complete(task(venue, "SignReport"), withVariables("reportSigned", true));

        assertThat(venue).isEnded().hasPassed("VenueDutiesDone");
        assertThat(taskQuery().processInstanceId(venue.getId()).count()).isZero();
        assertThat(calls).containsExactly("done:PrepareWorkstations", "done:ConnectAudioVideo",
                "done:ArrangeMealsAndLodging", "signed:" + SESSION);
    }

    @Test
    void aNoShowIsReportedAndTheReplacementIsVerifiedAgainBeforeSigning() {
        ProcessInstance venue = start("t-noshow");

        complete(task(venue, "VerifyExpertIdentities"),
                withVariables("expertsPresent", 2L, "noShowSeats", "2,5", "identitiesVerified", true));

        assertThat(venue).hasPassed("ReportNoShows").isWaitingAt("VerifyExpertIdentities");
        assertThat(calls).containsExactly("noShows:2,5");
        Task again = task(venue, "VerifyExpertIdentities");
        assertThat(candidateGroups(again)).containsExactly("venue-" + SESSION);
        assertThat(runtimeService().getVariable(venue.getId(), "noShowSeats")).isEqualTo("");

        complete(again, withVariables("expertsPresent", 4L, "noShowSeats", "", "identitiesVerified", true));
        assertThat(venue).isWaitingAt("PrepareWorkstations", "ConnectAudioVideo", "ArrangeMealsAndLodging",
                "ReportIncident").hasNotPassed("SignReport");
    }

    @Test
    void anIncidentCanBeReportedAgainAfterEachReport() {
        ProcessInstance venue = start("t-incidents");

        complete(task(venue, "ReportIncident"), withVariables("incidentKind", "EQUIPMENT_FAILURE"));
        assertThat(venue).isWaitingAt("ReportIncident");
        complete(task(venue, "ReportIncident"), withVariables("incidentKind", "EXPERT_UNWELL"));

        assertThat(venue).isWaitingAt(DUTIES.toArray(String[]::new));
        assertThat(candidateGroups(task(venue, "ReportIncident"))).containsExactly("venue-" + SESSION);
        assertThat(calls).containsExactly("incident:EQUIPMENT_FAILURE", "incident:EXPERT_UNWELL");
    }

    private static ProcessInstance start(String tenderId) {
        return runtimeService().startProcessInstanceByKey("venue-duties", tenderId,
                Variables.createVariables().putValue("sessionCode", SESSION).putValue("mainCenter", "HRB"));
    }

    private static Task task(ProcessInstance venue, String key) {
        return taskQuery().processInstanceId(venue.getId()).taskDefinitionKey(key).singleResult();
    }

    private static List<String> candidateGroups(Task task) {
        return BpmnAwareTests.taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }
}
