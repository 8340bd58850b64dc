package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Every branch and the timer of {@code bpmn/expert-seat-confirmation.bpmn}, the confirmation of one
 * committee seat, on the real model; the supplementary draw's delegate is stood in for.
 */
@Deployment(resources = { "bpmn/expert-seat-confirmation.bpmn", "forms/expert-shortage-resolution.form" })
class ExpertSeatConfirmationProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private final Deque<Boolean> replacements = new ArrayDeque<>();
    private final List<Object> replacedSeats = new ArrayList<>();
    private final List<Object> calledSeats = new ArrayList<>();

    @BeforeEach
    void standInForTheDelegate() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("replaceExpert", (JavaDelegate) execution -> {
            replacedSeats.add(execution.getVariable("seat"));
            execution.setVariable("replacementDrawn", replacements.removeFirst());
        });
        Mocks.register("callUnansweredExpert", (JavaDelegate) execution -> calledSeats.add(execution.getVariable("seat")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anAcceptanceConfirmsTheSeat() {
        ProcessInstance seat = start("t-accept", 4, false);

        assertThat(seat).isWaitingAt("AwaitExpertAnswer");
        answer("t-accept", 4, true);

        assertThat(seat).isEnded().hasPassed("SeatConfirmed").hasNotPassed("ReplaceExpert");
    }

    @Test
    void aDeclineDrawsASupplementaryExpertWhoIsThenAwaited() {
        ProcessInstance seat = start("t-decline", 2, false);
        replacements.add(true);

        answer("t-decline", 2, false);

        assertThat(seat).isWaitingAt("ReplaceExpert");
        execute(job(seat));
        assertThat(seat).isWaitingAt("AwaitExpertAnswer");
        answer("t-decline", 2, true);
        assertThat(seat).isEnded();
        assertThat(replacedSeats).containsExactly(2L);
    }

    @Test
    void noAnswerWithinTheWindowDrawsASupplementaryExpert() {
        ProcessInstance seat = start("t-silent", 1, false);
        replacements.add(true);
        Job timer = jobQuery().processInstanceId(seat.getId()).timers().activityId("AnswerWindowElapsed").singleResult();
        assertThat(timer.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 3_500_000L));

        execute(timer);

        assertThat(seat).hasPassed("AnswerWindowElapsed").isWaitingAt("ReplaceExpert");
        execute(job(seat));
        assertThat(seat).isWaitingAt("AwaitExpertAnswer");
        assertThat(replacedSeats).containsExactly(1L);
    }

    @Test
    void anInvitationUnansweredAfterPartOfTheWindowGetsOneVoiceCallAndTheWaitGoesOn() {
        ProcessInstance seat = start("t-call", 6, false);
        Job call = jobQuery().processInstanceId(seat.getId()).timers().activityId("VoiceCallDue").singleResult();
        Job window = jobQuery().processInstanceId(seat.getId()).timers().activityId("AnswerWindowElapsed").singleResult();
        assertThat(call.getDuedate()).isBefore(window.getDuedate())
                .isAfter(new java.util.Date(System.currentTimeMillis() + 1_700_000L));

        execute(call);

        assertThat(seat).hasPassed("CallExpert", "ExpertCalled").isWaitingAt("AwaitExpertAnswer");
        assertThat(calledSeats).containsExactly(6L);
        assertThat(jobQuery().processInstanceId(seat.getId()).timers().activityId("VoiceCallDue").count()).isZero();
        answer("t-call", 6, true);
        assertThat(seat).isEnded().hasPassed("SeatConfirmed").hasNotPassed("ReplaceExpert");
    }

    @Test
    void anAnswerBeforeTheVoiceCallMeansNoCall() {
        ProcessInstance seat = start("t-nocall", 7, false);

        answer("t-nocall", 7, true);

        assertThat(seat).isEnded().hasNotPassed("CallExpert");
        assertThat(calledSeats).isEmpty();
        assertThat(jobQuery().processInstanceId(seat.getId()).count()).isZero();
    }

    @Test
    void aSupplementaryDrawThatFindsNoOneGoesToTheSupervisorAndThenDrawsAgain() {
        ProcessInstance seat = start("t-short", 3, false);
        replacements.add(false);
        replacements.add(true);
        answer("t-short", 3, false);
        execute(job(seat));

        assertThat(seat).isWaitingAt("ResolveSeatShortage");
        assertThat(task(seat)).hasCandidateGroup("supervisor-HRB");
        complete(task(seat), Variables.createVariables().putValue("expertShortageHandled", true));

        assertThat(seat).isWaitingAt("ReplaceExpert");
        execute(job(seat));
        assertThat(seat).isWaitingAt("AwaitExpertAnswer");
        assertThat(replacedSeats).containsExactly(3L, 3L);
    }

    @Test
    void aVacatedSeatStartsWithTheSupplementaryDraw() {
        ProcessInstance seat = start("t-vacant", 5, true);

        assertThat(seat).isWaitingAt("ReplaceExpert").hasNotPassed("AwaitExpertAnswer");
    }

    private static ProcessInstance start(String tenderId, int seat, boolean replaceFirst) {
        return runtimeService().startProcessInstanceByKey("expert-seat-confirmation", tenderId,
                Variables.createVariables().putValue("tenderId", tenderId).putValue("mainCenter", "HRB")
                        .putValue("seat", (long) seat).putValue("replaceFirst", replaceFirst)
                        .putValue("expertAnswerWindow", "PT1H").putValue("expertVoiceCallAfter", "PT30M"));
    }

    private static void answer(String tenderId, int seat, boolean accepted) {
        runtimeService().createMessageCorrelation("ExpertAnswered").processInstanceBusinessKey(tenderId)
                .processInstanceVariableEquals("seat", (long) seat).setVariable("expertAccepted", accepted).correlate();
    }
}
