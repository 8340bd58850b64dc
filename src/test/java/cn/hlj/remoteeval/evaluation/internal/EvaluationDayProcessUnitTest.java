package cn.hlj.remoteeval.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

/**
 * The paths of {@code bpmn/evaluation-day.bpmn} on the real model: the main venue opens while each
 * session runs its duties (the called model stood in by a one-task stub), the end only once every
 * seat signed (else the missing signatures at the main venue), the sessions a partner province holds
 * (each waits for its partner's report unless it already came), and the incident event sub-process.
 */
@Deployment(resources = { "bpmn/evaluation-day.bpmn", "processes/venue-duties-stub.bpmn" })
class EvaluationDayProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private final Deque<Boolean> signedOutcomes = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> partnerSessions = new ArrayList<>();
    private final Set<String> partnerSessionsSigned = new HashSet<>();

    @BeforeEach
    void standInForTheJavaSide() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("prepareEvaluationDay", (JavaDelegate) execution -> {
            calls.add("prepare:" + execution.getProcessBusinessKey());
            execution.setVariable("venueSessions", new ArrayList<>(List.of("RS-AAAAAAAA", "RS-BBBBBBBB")));
            execution.setVariable("partnerSessions", new ArrayList<>(partnerSessions));
        });
        Mocks.register("checkPartnerSessionSigned", (JavaDelegate) execution -> {
            String ref = (String) execution.getVariable("partnerSessionRef");
            calls.add("check:" + ref);
            execution.setVariableLocal("partnerSessionSigned", partnerSessionsSigned.contains(ref));
        });
        Mocks.register("endEvaluation", (JavaDelegate) execution -> {
            boolean signed = signedOutcomes.removeFirst();
            calls.add("end:" + signed);
            execution.setVariable("allSigned", signed);
            execution.setVariable("missingSignatureSeats", signed ? "" : "3");
            if (signed) {
                execution.setVariable("evaluationEnded", true);
            }
        });
        Mocks.register("openSession", (TaskListener) task -> calls.add("opened"));
        Mocks.register("collectMissingSignatures", (TaskListener) task -> calls.add("collected"));
        Mocks.register("handleIncident", (TaskListener) task -> calls.add("handled:" + task.getVariable("incidentId")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theMainVenueOpensWhileEachSessionRunsItsDutiesAndTheEvaluationEndsWhenAllSigned() {
        ProcessInstance day = start("t-day");
        signedOutcomes.add(true);

        assertThat(day).isWaitingAt("OpenSession", "VenueDuties");
        assertThat(task("OpenSession", day)).hasCandidateGroup("staff-HRB");
        List<ProcessInstance> venues = venueInstances("t-day");
        assertThat(venues).hasSize(2);
        assertThat(venues).extracting(v -> runtimeService().getVariable(v.getId(), "sessionCode"))
                .containsExactlyInAnyOrder("RS-AAAAAAAA", "RS-BBBBBBBB");
        assertThat(venues).allSatisfy(v -> assertThat(runtimeService().getVariable(v.getId(), "mainCenter")).isEqualTo("HRB"));

        complete(task("OpenSession", day), withVariables("supervisorOnSite", true, "sessionStartedAt", "2031-05-06T09:00"));
        assertThat(day).isWaitingAt("VenueDuties").hasNotPassed("EndEvaluation");
        for (ProcessInstance venue : venues) {
            complete(taskQuery().processInstanceId(venue.getId()).singleResult());
        }

        assertThat(day).isEnded().hasPassed("EndEvaluation", "EvaluationEnded").hasNotPassed("CollectMissingSignatures")
                .hasNotPassed("CheckPartnerSessionSigned", "AwaitPartnerSessionSigned")
                .variables().containsEntry("evaluationEnded", true);
        assertThat(calls).containsExactly("prepare:t-day", "opened", "end:true");
    }

    @Test
    void withPartnerSessionsTheDayEndsOnlyAfterEachPartnerSessionReportedItsSignatures() {
        partnerSessions.addAll(List.of("JS-1", "JS-2"));
        ProcessInstance day = start("t-partner");
        signedOutcomes.add(true);

        assertThat(day).isWaitingAt("OpenSession", "VenueDuties", "AwaitPartnerSessionSigned");
        assertThat(runtimeService().createExecutionQuery().processInstanceId(day.getId())
                .activityId("AwaitPartnerSessionSigned").count()).isEqualTo(2);
        complete(task("OpenSession", day), withVariables("supervisorOnSite", true));
        venueInstances("t-partner").forEach(v -> complete(taskQuery().processInstanceId(v.getId()).singleResult()));
        assertThat(day).isWaitingAt("AwaitPartnerSessionSigned").hasNotPassed("EndEvaluation");

        signed("t-partner", "JS-2");
        assertThat(day).isWaitingAt("AwaitPartnerSessionSigned").hasNotPassed("EndEvaluation");
        assertThat(runtimeService().createExecutionQuery().processInstanceId(day.getId())
                .activityId("AwaitPartnerSessionSigned").singleResult()).isNotNull();
        // Another tender's report for the same reference moves nothing here.
        signed("t-other", "JS-1");
        assertThat(day).isWaitingAt("AwaitPartnerSessionSigned");

        signed("t-partner", "JS-1");
        assertThat(day).isEnded().hasPassed("PartnerSessionDone", "EndEvaluation", "EvaluationEnded");
        assertThat(calls).containsExactlyInAnyOrder("prepare:t-partner", "check:JS-1", "check:JS-2", "opened", "end:true");
    }

    @Test
    void aPartnerSessionThatReportedBeforeTheDayGotThereDoesNotWait() {
        partnerSessions.addAll(List.of("JS-1", "JS-2"));
        partnerSessionsSigned.add("JS-1");
        ProcessInstance day = start("t-early");
        signedOutcomes.add(true);

        assertThat(runtimeService().createExecutionQuery().processInstanceId(day.getId())
                .activityId("AwaitPartnerSessionSigned").count()).isOne();
        complete(task("OpenSession", day), withVariables("supervisorOnSite", true));
        venueInstances("t-early").forEach(v -> complete(taskQuery().processInstanceId(v.getId()).singleResult()));
        signed("t-early", "JS-2");

        assertThat(day).isEnded().hasPassed("EvaluationEnded");
    }

    @Test
    void partnerSessionsThatAllReportedEarlyLetTheDayEndWithTheLocalVenues() {
        partnerSessions.add("JS-1");
        partnerSessionsSigned.add("JS-1");
        ProcessInstance day = start("t-all-early");
        signedOutcomes.add(true);

        assertThat(day).isWaitingAt("OpenSession", "VenueDuties").hasPassed("CheckPartnerSessionSigned", "PartnerSessionDone")
                .hasNotPassed("AwaitPartnerSessionSigned");
        complete(task("OpenSession", day), withVariables("supervisorOnSite", true));
        venueInstances("t-all-early").forEach(v -> complete(taskQuery().processInstanceId(v.getId()).singleResult()));

        assertThat(day).isEnded().hasPassed("EvaluationEnded");
    }

    @Test
    void aMissingSignatureGoesToTheMainVenueAndTheEndIsCheckedAgain() {
        ProcessInstance day = start("t-missing");
        signedOutcomes.add(false);
        signedOutcomes.add(true);
        complete(task("OpenSession", day), withVariables("supervisorOnSite", true));
        venueInstances("t-missing").forEach(v -> complete(taskQuery().processInstanceId(v.getId()).singleResult()));

        assertThat(day).isWaitingAt("CollectMissingSignatures").variables().containsEntry("allSigned", false)
                .containsEntry("missingSignatureSeats", "3").doesNotContainKey("evaluationEnded");
        assertThat(task("CollectMissingSignatures", day)).hasCandidateGroup("staff-HRB");

        complete(task("CollectMissingSignatures", day), withVariables("missingSignaturesCollected", true));

        assertThat(day).isEnded().hasPassed("EvaluationEnded");
        assertThat(calls).containsExactly("prepare:t-missing", "opened", "end:false", "collected", "end:true");
    }

    @Test
    void anIncidentReachesTheMainVenuesStaffAndTheSupervisorWithoutStoppingTheDay() {
        ProcessInstance day = start("t-incident");

        runtimeService().createMessageCorrelation("IncidentRaised").processInstanceId(day.getId())
                .setVariableLocal("incidentId", "i-1").setVariableLocal("incidentKind", "EQUIPMENT_FAILURE").correlate();

        assertThat(day).isWaitingAt("OpenSession", "VenueDuties", "HandleIncident");
        Task handling = task("HandleIncident", day);
        assertThat(handling).hasCandidateGroup("staff-HRB").hasCandidateGroup("supervisor-HRB");
        assertThat(taskQuery().taskCandidateGroup("staff-QQHR").count()).isZero();

        runtimeService().createMessageCorrelation("IncidentRaised").processInstanceId(day.getId())
                .setVariableLocal("incidentId", "i-2").setVariableLocal("incidentKind", "OTHER").correlate();
        assertThat(taskQuery().processInstanceId(day.getId()).taskDefinitionKey("HandleIncident").count()).isEqualTo(2);

        complete(handling, withVariables("incidentMeasure", "SWITCH_TO_BACKUP", "incidentResolved", true));
        assertThat(day).hasPassed("IncidentHandled").isWaitingAt("OpenSession", "VenueDuties", "HandleIncident");
        complete(task("HandleIncident", day), withVariables("incidentMeasure", "RECORD_ONLY", "incidentResolved", true));
        assertThat(calls).containsExactly("prepare:t-incident", "handled:i-1", "handled:i-2");
    }

    @Test
    void theDayCannotEndBeforeTheMainVenueOpenedTheSession() {
        ProcessInstance day = start("t-unopened");
        venueInstances("t-unopened").forEach(v -> complete(taskQuery().processInstanceId(v.getId()).singleResult()));

        assertThat(day).isWaitingAt("OpenSession").hasNotPassed("EndEvaluation");
    }

    private static ProcessInstance start(String tenderId) {
        return runtimeService().startProcessInstanceByKey("evaluation-day", tenderId,
                Variables.createVariables().putValue("mainCenter", "HRB"));
    }

    /** As the evaluation module's listener correlates a partner's report. */
    private static void signed(String tenderId, String sessionRef) {
        runtimeService().createMessageCorrelation("PartnerSessionSigned").processInstanceBusinessKey(tenderId)
                .localVariableEquals("partnerSessionRef", sessionRef).correlateAll();
    }

    private static List<ProcessInstance> venueInstances(String tenderId) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("venue-duties")
                .processInstanceBusinessKey(tenderId).list();
    }

    private static Task task(String key, ProcessInstance day) {
        return taskQuery().processInstanceId(day.getId()).taskDefinitionKey(key).list().get(0);
    }
}
