package cn.hlj.remoteeval.draw.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

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
 * Every branch and timer of {@code bpmn/hosted-seat-confirmation.bpmn}, the confirmation of one seat of a
 * partner's session hosted here, on the real model; the delegates are stood in for.
 */
@Deployment(resources = "bpmn/hosted-seat-confirmation.bpmn")
class HostedSeatConfirmationProcessUnitTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-unit-test.camunda.cfg.xml").build();

    private final Deque<Boolean> replacements = new ArrayDeque<>();
    private final List<String> replaced = new ArrayList<>();
    private final List<String> called = new ArrayList<>();

    @BeforeEach
    void standInForTheDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register(HostedSeatConfirmations.REPLACE_DELEGATE, (JavaDelegate) execution -> {
            replaced.add(execution.getProcessBusinessKey() + "#" + execution.getVariable("seat"));
            execution.setVariable("replacementDrawn", replacements.removeFirst());
        });
        Mocks.register(HostedSeatConfirmations.CALL_DELEGATE,
                (JavaDelegate) execution -> called.add(execution.getProcessBusinessKey() + "#" + execution.getVariable("seat")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anAcceptanceConfirmsTheSeatWithoutAnotherDraw() {
        ProcessInstance seat = start("h-accept", 2, false);

        assertThat(seat).isWaitingAt("AwaitExpertAnswer");
        answer("h-accept", 2, true);

        assertThat(seat).isEnded().hasPassed("SeatConfirmed").hasNotPassed("ReplaceExpert");
        assertThat(replaced).isEmpty();
    }

    @Test
    void aDeclineDrawsASupplementaryExpertWhoIsThenAwaited() {
        ProcessInstance seat = start("h-decline", 1, false);
        replacements.add(true);

        answer("h-decline", 1, false);
        assertThat(seat).isWaitingAt("ReplaceExpert");
        execute(job(seat));

        assertThat(seat).isWaitingAt("AwaitExpertAnswer");
        assertThat(replaced).containsExactly("h-decline#1");
    }

    @Test
    void noAnswerWithinTheWindowDrawsASupplementaryExpert() {
        ProcessInstance seat = start("h-silent", 3, false);
        replacements.add(true);
        Job window = jobQuery().processInstanceId(seat.getId()).timers().activityId("AnswerWindowElapsed").singleResult();
        assertThat(window.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 3_500_000L));

        execute(window);

        assertThat(seat).hasPassed("AnswerWindowElapsed").isWaitingAt("ReplaceExpert");
        execute(job(seat));
        assertThat(seat).isWaitingAt("AwaitExpertAnswer");
        assertThat(replaced).containsExactly("h-silent#3");
    }

    @Test
    void anInvitationUnansweredAfterPartOfTheWindowGetsOneVoiceCallAndTheWaitGoesOn() {
        ProcessInstance seat = start("h-call", 4, false);
        Job call = jobQuery().processInstanceId(seat.getId()).timers().activityId("VoiceCallDue").singleResult();

        execute(call);

        assertThat(seat).hasPassed("CallExpert", "ExpertCalled").isWaitingAt("AwaitExpertAnswer");
        assertThat(called).containsExactly("h-call#4");
    }

    @Test
    void aSupplementaryDrawThatFindsNoOneLeavesTheSeatShortWithoutAnyoneToAsk() {
        ProcessInstance seat = start("h-short", 5, false);
        replacements.add(false);

        answer("h-short", 5, false);
        execute(job(seat));

        assertThat(seat).isEnded().hasPassed("SeatShort").hasNotPassed("SeatConfirmed");
    }

    @Test
    void aSeatTheFirstDrawLeftOpenStartsWithItsOwnSupplementaryDraw() {
        ProcessInstance seat = start("h-open", 6, true);

        assertThat(seat).isWaitingAt("ReplaceExpert").hasNotPassed("AwaitExpertAnswer");
        replacements.add(true);
        execute(job(seat));
        assertThat(seat).isWaitingAt("AwaitExpertAnswer");
    }

    @Test
    void theAnswerReachesOnlyItsOwnSeatOfTheHosting() {
        ProcessInstance first = start("h-two", 1, false);
        ProcessInstance second = start("h-two", 2, false);

        answer("h-two", 2, true);

        assertThat(second).isEnded();
        assertThat(first).isWaitingAt("AwaitExpertAnswer");
    }

    private static ProcessInstance start(String hostingId, int seat, boolean replaceFirst) {
        return runtimeService().startProcessInstanceByKey(HostedSeatConfirmations.PROCESS_KEY, hostingId,
                Variables.createVariables().putValue("seat", (long) seat).putValue("replaceFirst", replaceFirst)
                        .putValue("expertAnswerWindow", "PT1H").putValue("expertVoiceCallAfter", "PT30M"));
    }

    private static void answer(String hostingId, int seat, boolean accepted) {
        runtimeService().createMessageCorrelation(HostedSeatConfirmations.MESSAGE_ANSWERED)
                .processInstanceBusinessKey(hostingId).processInstanceVariableEquals("seat", (long) seat)
                .setVariable("expertAccepted", accepted).correlate();
    }
}
