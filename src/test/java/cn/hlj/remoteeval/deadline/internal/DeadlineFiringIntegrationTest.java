package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.DeadlineVariables;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.testsupport.ControllableClock;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * Reminders and breaches fired by the real Quartz scheduler, with the application's clock set just
 * before the moment. The deadlines are exemption explanations (calendar days) starting within the
 * next year, far from the dates other tests use, so that moving the clock fires nothing of theirs.
 */
@RemoteEvalIntegrationTest
class DeadlineFiringIntegrationTest {

    static final String PROCESS = "deadline-firing-test";

    @Autowired
    Deadlines deadlines;
    @Autowired
    DeadlineResync resync;
    @Autowired
    DeadlineTriggers triggers;
    @Autowired
    DeadlineFiring firing;
    @Autowired
    ControllableClock clock;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    ConfigurableApplicationContext context;

    @BeforeEach
    void setUp() {
        DeadlineEvents.listenTo(context);
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", waitingProcess()).deploy();
        }
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
        resync.resync();
    }

    /** A duty that waits on a deadline the way the models of issue 6 do: two non-interrupting boundary messages. */
    static BpmnModelInstance waitingProcess() {
        return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("duty")
                .boundaryEvent("reminder").cancelActivity(false).message(DeadlineVariables.MESSAGE_REMINDER)
                .endEvent("reminded")
                .moveToActivity("duty")
                .boundaryEvent("breach").cancelActivity(false).message(DeadlineVariables.MESSAGE_BREACHED)
                .userTask("escalation")
                .endEvent("escalated")
                .moveToActivity("duty")
                .endEvent("done")
                .done();
    }

    @Test
    void theReminderThenTheBreachFireThroughQuartzAndReachTheWaitingProcess() throws Exception {
        DeadlineTicket ticket = open();
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS,
                Map.of(DeadlineVariables.DEADLINE_ID, ticket.id()));
        assertThat(ticket.state()).isEqualTo(DeadlineState.SCHEDULED);
        assertThat(triggers.exists(ticket.id(), Phase.REMINDER)).isTrue();
        assertThat(triggers.exists(ticket.id(), Phase.BREACH)).isTrue();

        clock.set(ticket.remindAt().minusSeconds(2));
        resync.resync();
        assertThat(stateOf(ticket)).isEqualTo(DeadlineState.SCHEDULED);
        awaitUntil(() -> stateOf(ticket) == DeadlineState.REMINDED);

        assertThat(DeadlineEvents.remindersOf(ticket.id())).singleElement()
                .satisfies(e -> assertThat(e.dueDate()).isEqualTo(ticket.dueDate()));
        assertThat(DeadlineEvents.breachesOf(ticket.id())).isEmpty();
        assertThat(reached(instance, "reminded")).isTrue();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("duty").count()).isOne();
        // Quartz removes a fired trigger once the job returned, just after the job's transaction committed.
        awaitUntil(() -> !triggers.exists(ticket.id(), Phase.REMINDER));
        assertThat(triggers.exists(ticket.id(), Phase.BREACH)).isTrue();

        clock.set(ticket.dueAt().minusSeconds(2));
        resync.resync();
        awaitUntil(() -> stateOf(ticket) == DeadlineState.BREACHED);

        assertThat(DeadlineEvents.breachesOf(ticket.id())).singleElement();
        assertThat(DeadlineEvents.remindersOf(ticket.id())).hasSize(1);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("escalation").count())
                .isOne();
        awaitUntil(() -> !triggers.exists(ticket.id(), Phase.BREACH));

        // A late completion is recorded; the breach stands and nothing fires again.
        deadlines.complete(ticket.id());
        assertThat(stateOf(ticket)).isEqualTo(DeadlineState.BREACHED);
        assertThat(firing.fire(ticket.id(), Phase.BREACH)).isFalse();
        runtime.deleteProcessInstance(instance.getId(), "test over");
    }

    @Test
    void aCompletedDeadlineNeverFires() throws Exception {
        DeadlineTicket ticket = open();
        deadlines.complete(ticket.id());

        assertThat(stateOf(ticket)).isEqualTo(DeadlineState.COMPLETED);
        assertThat(triggers.exists(ticket.id(), Phase.REMINDER)).isFalse();
        assertThat(triggers.exists(ticket.id(), Phase.BREACH)).isFalse();

        clock.set(ticket.dueAt().plusSeconds(1));
        resync.resync();
        Thread.sleep(3_000);
        // A trigger that survived (e.g. fired on another node at that moment) changes nothing either.
        assertThat(firing.fire(ticket.id(), Phase.REMINDER)).isFalse();
        assertThat(firing.fire(ticket.id(), Phase.BREACH)).isFalse();
        assertThat(stateOf(ticket)).isEqualTo(DeadlineState.COMPLETED);
        assertThat(DeadlineEvents.remindersOf(ticket.id())).isEmpty();
        assertThat(DeadlineEvents.breachesOf(ticket.id())).isEmpty();

        deadlines.complete(ticket.id());
        deadlines.cancel(ticket.id());
        assertThat(stateOf(ticket)).isEqualTo(DeadlineState.COMPLETED);
    }

    @Test
    void aCancelledDeadlineNeverFiresAndEachPhaseFiresOnce() {
        DeadlineTicket cancelled = open();
        deadlines.cancel(cancelled.id());
        assertThat(stateOf(cancelled)).isEqualTo(DeadlineState.CANCELLED);
        assertThat(firing.fire(cancelled.id(), Phase.BREACH)).isFalse();
        assertThat(triggers.exists(cancelled.id(), Phase.BREACH)).isFalse();

        DeadlineTicket open = open();
        assertThat(firing.fire(open.id(), Phase.REMINDER)).isTrue();
        assertThat(firing.fire(open.id(), Phase.REMINDER)).isFalse();
        assertThat(firing.fire(open.id(), Phase.BREACH)).isTrue();
        assertThat(firing.fire(open.id(), Phase.BREACH)).isFalse();
        assertThat(DeadlineEvents.remindersOf(open.id())).hasSize(1);
        assertThat(DeadlineEvents.breachesOf(open.id())).hasSize(1);
        deadlines.cancel(open.id());
        assertThat(stateOf(open)).isEqualTo(DeadlineState.CANCELLED);
    }

    private DeadlineTicket open() {
        LocalDate start = LocalDate.now(clock).plusDays(ThreadLocalRandom.current().nextInt(30, 300));
        return deadlines.open(DeadlineKind.EXEMPTION_EXPLANATION, UUID.randomUUID().toString(),
                "EX-" + UUID.randomUUID(), start);
    }

    private DeadlineState stateOf(DeadlineTicket ticket) {
        return deadlines.find(ticket.id()).orElseThrow().state();
    }

    private boolean reached(ProcessInstance instance, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId)
                .finished().count() > 0;
    }

    static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(limit)) {
                throw new AssertionError("not reached within 20 s");
            }
            Thread.sleep(200);
        }
    }
}
