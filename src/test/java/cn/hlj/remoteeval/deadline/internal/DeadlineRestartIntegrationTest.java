package cn.hlj.remoteeval.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.hlj.remoteeval.RemoteEvalApplication;
import cn.hlj.remoteeval.deadline.DeadlineKind;
import cn.hlj.remoteeval.deadline.DeadlineState;
import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.Deadlines;

/**
 * A deadline scheduled, the application stopped, a new application started on the same database:
 * the reminder still fires, from the new application. Runs outside the shared test context (two
 * applications of its own, one after the other, with their own scheduler and engine names); on H2
 * they share a named in-memory database of their own, on MariaDB the test database.
 */
class DeadlineRestartIntegrationTest {

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // The reminder fires at this instant: after the first application is gone, before or while the second starts.
        ZonedDateTime remindAt = ZonedDateTime.now(DeadlineTerms.ZONE).plusSeconds(75).withNano(0);
        List<String> args = arguments(run, remindAt);

        String deadlineId;
        Instant firstClosed;
        try (ConfigurableApplicationContext first = start(args)) {
            DeadlineTicket ticket = first.getBean(Deadlines.class).open(DeadlineKind.EXEMPTION_EXPLANATION,
                    UUID.randomUUID().toString(), "RESTART-" + run, remindAt.toLocalDate().minusDays(1));
            assertThat(ticket.remindAt()).isEqualTo(remindAt.toInstant());
            deadlineId = ticket.id();
        }
        firstClosed = Instant.now();
        assertThat(firstClosed).as("the first application must be gone before the reminder is due")
                .isBefore(remindAt.toInstant());

        try (ConfigurableApplicationContext second = start(args)) {
            Deadlines deadlines = second.getBean(Deadlines.class);
            assertThat(deadlines.find(deadlineId)).isPresent();
            Instant limit = remindAt.toInstant().plus(Duration.ofSeconds(60));
            while (deadlines.find(deadlineId).orElseThrow().state() != DeadlineState.REMINDED) {
                if (Instant.now().isAfter(limit)) {
                    throw new AssertionError("the reminder did not fire after the restart");
                }
                Thread.sleep(500);
            }
            assertThat(Instant.now()).isAfter(remindAt.toInstant());
            deadlines.cancel(deadlineId);
        }
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(RemoteEvalApplication.class).run(args.toArray(String[]::new));
    }

    private static List<String> arguments(String run, ZonedDateTime remindAt) {
        List<String> args = new ArrayList<>();
        String url = System.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            args.add("--spring.datasource.url=jdbc:h2:mem:remote-eval-restart-" + run + ";DB_CLOSE_DELAY=-1");
        }
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        args.add("--spring.quartz.scheduler-name=remote-eval-restart-" + run);
        args.add("--camunda.bpm.process-engine-name=restart" + run.replace("-", ""));
        args.add("--camunda.bpm.job-execution.enabled=false");
        args.add("--camunda.bpm.webapp.enabled=false");
        args.add("--spring.modulith.events.republish-outstanding-events-on-restart=false");
        args.add("--remote-eval.demo-accounts.enabled=false");
        args.add("--remote-eval.demo-directory.enabled=false");
        args.add("--remote-eval.demo-pool.enabled=false");
        args.add("--remote-eval.sms.dispatch-enabled=false");
        args.add("--remote-eval.deadline.terms.EXEMPTION_EXPLANATION.calendar-days=15");
        args.add("--remote-eval.deadline.terms.EXEMPTION_EXPLANATION.reminder-day=1");
        args.add("--remote-eval.deadline.reminder-time=" + remindAt.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME));
        return args;
    }
}
