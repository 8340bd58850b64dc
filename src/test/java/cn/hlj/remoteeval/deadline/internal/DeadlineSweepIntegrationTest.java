package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;
import cn.hlj.remoteeval.testsupport.RemoteEvalIntegrationTest;

/**
 * A deadline whose triggers are gone from Quartz's store (its firing's retry could not be stored, a
 * node died where recovery did not reach) is re-armed by the sweep, and fires once; a deadline with
 * its triggers, or one no longer open, is left alone.
 */
@RemoteEvalIntegrationTest
class DeadlineSweepIntegrationTest {

    @Autowired
    Deadlines deadlines;
    @Autowired
    DeadlineSweep sweep;
    @Autowired
    DeadlineTriggers triggers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ConfigurableApplicationContext context;

    @BeforeEach
    void listen() {
        DeadlineEvents.listenTo(context);
    }

    @Test
    void aPastDueDeadlineThatLostItsTriggersIsReArmedAndBreachesOnce() throws Exception {
        // Its triggers are removed in the transaction that opens it: no node ever had a chance to fire it.
        String id = transaction.execute(status -> {
            DeadlineTicket ticket = deadlines.open(DeadlineKind.EXEMPTION_EXPLANATION, UUID.randomUUID().toString(),
                    "SWEEP-" + UUID.randomUUID(), LocalDate.now(DeadlineTerms.ZONE).minusDays(60));
            triggers.unscheduleAll(ticket.id());
            return ticket.id();
        });
        assertThat(triggers.armed(id)).isEmpty();

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

        awaitState(id, DeadlineState.BREACHED);
        // Time for a second firing to show up, had the state check not held it.
        Thread.sleep(1_500);
        assertThat(DeadlineEvents.breachesOf(id)).hasSize(1);
        assertThat(DeadlineEvents.remindersOf(id)).hasSize(1);
        assertThat(triggers.armed(id)).isEmpty();
    }

    @Test
    void aFutureDeadlineThatLostOneTriggerGetsItBackAndOneWithItsTriggersIsLeftAlone() {
        String armed = deadlines.open(DeadlineKind.EXEMPTION_EXPLANATION, UUID.randomUUID().toString(),
                "SWEEP-" + UUID.randomUUID(), LocalDate.now(DeadlineTerms.ZONE).plusDays(400)).id();
        String lost = transaction.execute(status -> {
            DeadlineTicket ticket = deadlines.open(DeadlineKind.EXEMPTION_EXPLANATION, UUID.randomUUID().toString(),
                    "SWEEP-" + UUID.randomUUID(), LocalDate.now(DeadlineTerms.ZONE).plusDays(400));
            triggers.unscheduleAll(ticket.id());
            return ticket.id();
        });
        try {
            var armedBefore = triggers.armed(armed);

            assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

            assertThat(triggers.armed(lost)).containsExactlyInAnyOrder(DeadlineTriggers.key(lost, Phase.REMINDER),
                    DeadlineTriggers.key(lost, Phase.BREACH));
            assertThat(triggers.armed(armed)).isEqualTo(armedBefore).hasSize(2);
            assertThat(deadlines.find(lost).orElseThrow().state()).isEqualTo(DeadlineState.SCHEDULED);
        } finally {
            deadlines.cancel(armed);
            deadlines.cancel(lost);
        }
    }

    @Test
    void aCancelledDeadlineIsNotReArmed() {
        String id = deadlines.open(DeadlineKind.EXEMPTION_EXPLANATION, UUID.randomUUID().toString(),
                "SWEEP-" + UUID.randomUUID(), LocalDate.now(DeadlineTerms.ZONE).plusDays(400)).id();
        deadlines.cancel(id);

        sweep.sweep();

        assertThat(triggers.armed(id)).isEmpty();
    }

    private void awaitState(String id, DeadlineState state) throws InterruptedException {
        Instant limit = Instant.now().plus(Duration.ofSeconds(30));
        while (deadlines.find(id).orElseThrow().state() != state) {
            assertThat(Instant.now()).as("deadline %s reaches %s", id, state).isBefore(limit);
            Thread.sleep(200);
        }
    }
}
